import ssl
from types import TracebackType
from typing import Any, Self

import httpx2


class Client:
    """A class for keeping track of data related to the API

    The following are accepted as keyword arguments and will be used to construct httpx Clients internally:

        ``base_url``: The base URL for the API, all requests are made to a relative path to this URL

        ``cookies``: A dictionary of cookies to be sent with every request

        ``headers``: A dictionary of headers to be sent with every request

        ``timeout``: The maximum amount of a time a request can take. API functions will raise
        httpx2.TimeoutException if this is exceeded.

        ``verify_ssl``: Whether or not to verify the SSL certificate of the API server. This should be True in production,
        but can be set to False for testing purposes.

        ``follow_redirects``: Whether or not to follow redirects. Default value is False.

        ``httpx_args``: A dictionary of additional arguments to be passed to the ``httpx2.Client`` and ``httpx2.AsyncClient`` constructor.


    Attributes:
        raise_on_unexpected_status: Whether or not to raise an errors.UnexpectedStatus if the API returns a
            status code that was not documented in the source OpenAPI document. Can also be provided as a keyword
            argument to the constructor.
    """

    def __init__(
        self,
        base_url: str,
        *,
        raise_on_unexpected_status: bool = False,
        cookies: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        timeout: httpx2.Timeout | None = None,
        verify_ssl: str | bool | ssl.SSLContext = True,
        follow_redirects: bool = False,
        httpx_args: dict[str, Any] | None = None,
    ) -> None:
        self.raise_on_unexpected_status = raise_on_unexpected_status
        self._base_url = base_url
        self._cookies: dict[str, str] = {} if cookies is None else cookies
        self._headers: dict[str, str] = {} if headers is None else headers
        self._timeout = timeout
        self._verify_ssl = verify_ssl
        self._follow_redirects = follow_redirects
        self._httpx_args: dict[str, Any] = {} if httpx_args is None else httpx_args
        self._client: httpx2.Client | None = None
        self._async_client: httpx2.AsyncClient | None = None

    def _settings(self) -> dict[str, Any]:
        """The constructor arguments that reproduce this client's settings."""
        return {
            "base_url": self._base_url,
            "raise_on_unexpected_status": self.raise_on_unexpected_status,
            "cookies": self._cookies,
            "headers": self._headers,
            "timeout": self._timeout,
            "verify_ssl": self._verify_ssl,
            "follow_redirects": self._follow_redirects,
            "httpx_args": self._httpx_args,
        }

    def _evolve(self, **changes: Any) -> Self:
        """A new client with these settings changed (and its own httpx clients, made on demand)."""
        return type(self)(**{**self._settings(), **changes})

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._base_url!r})"

    def with_headers(self, headers: dict[str, str]) -> Self:
        """Get a new client matching this one with additional headers"""
        if self._client is not None:
            self._client.headers.update(headers)
        if self._async_client is not None:
            self._async_client.headers.update(headers)
        return self._evolve(headers={**self._headers, **headers})

    def with_cookies(self, cookies: dict[str, str]) -> Self:
        """Get a new client matching this one with additional cookies"""
        if self._client is not None:
            self._client.cookies.update(cookies)
        if self._async_client is not None:
            self._async_client.cookies.update(cookies)
        return self._evolve(cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx2.Timeout) -> Self:
        """Get a new client matching this one with a new timeout (in seconds)"""
        if self._client is not None:
            self._client.timeout = timeout
        if self._async_client is not None:
            self._async_client.timeout = timeout
        return self._evolve(timeout=timeout)

    def _prepare_headers(self) -> None:
        """Called before an httpx client is made; the authenticated client adds its token."""

    def _httpx_client_arguments(self) -> dict[str, Any]:
        """What the sync and the async httpx client are both made with."""
        self._prepare_headers()
        return {
            "base_url": self._base_url,
            "cookies": self._cookies,
            "headers": self._headers,
            "timeout": self._timeout,
            "verify": self._verify_ssl,
            "follow_redirects": self._follow_redirects,
            **self._httpx_args,
        }

    def set_httpx_client(self, client: httpx2.Client) -> Self:
        """Manually set the underlying httpx2.Client

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._client = client
        return self

    def get_httpx_client(self) -> httpx2.Client:
        """Get the underlying httpx2.Client, constructing a new one if not previously set"""
        if self._client is None:
            self._client = httpx2.Client(**self._httpx_client_arguments())
        return self._client

    def __enter__(self) -> Self:
        """Enter a context manager for self.client—you cannot enter twice (see httpx docs)"""
        self.get_httpx_client().__enter__()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        """Exit a context manager for internal httpx2.Client (see httpx docs)"""
        self.get_httpx_client().__exit__(exc_type, exc_value, traceback)

    def set_async_httpx_client(self, async_client: httpx2.AsyncClient) -> Self:
        """Manually the underlying httpx2.AsyncClient

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx2.AsyncClient:
        """Get the underlying httpx2.AsyncClient, constructing a new one if not previously set"""
        if self._async_client is None:
            self._async_client = httpx2.AsyncClient(**self._httpx_client_arguments())
        return self._async_client

    async def __aenter__(self) -> Self:
        """Enter a context manager for underlying httpx2.AsyncClient—you cannot enter twice (see httpx docs)"""
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        """Exit a context manager for underlying httpx2.AsyncClient (see httpx docs)"""
        await self.get_async_httpx_client().__aexit__(exc_type, exc_value, traceback)


class AuthenticatedClient(Client):
    """A Client which has been authenticated for use on secured endpoints

    Takes every keyword argument of `Client`, and:

    Attributes:
        token: The token to use for authentication
        prefix: The prefix to use for the Authorization header
        auth_header_name: The name of the Authorization header
    """

    def __init__(
        self,
        base_url: str,
        token: str,
        prefix: str = "Bearer",
        auth_header_name: str = "Authorization",
        **settings: Any,
    ) -> None:
        super().__init__(base_url, **settings)
        self.token = token
        self.prefix = prefix
        self.auth_header_name = auth_header_name

    def _settings(self) -> dict[str, Any]:
        return {
            **super()._settings(),
            "token": self.token,
            "prefix": self.prefix,
            "auth_header_name": self.auth_header_name,
        }

    def __repr__(self) -> str:
        # Never the token.
        return f"AuthenticatedClient(base_url={self._base_url!r}, prefix={self.prefix!r})"

    def _prepare_headers(self) -> None:
        self._headers[self.auth_header_name] = (
            f"{self.prefix} {self.token}" if self.prefix else self.token
        )
