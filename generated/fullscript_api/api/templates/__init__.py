"""Operations tagged "templates", as `TemplatesResource` (friendly) and `TemplatesRawResource` (raw)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, ClassVar, cast

from ...types import UNSET, Response, Unset
from .. import Operation, OperationInvoker

# Models are named only in annotations, and each endpoint module is imported by its
# `Operation` on first use: using the group loads nothing of an operation not called.
if TYPE_CHECKING:
    from ...models.error import Error
    from ...models.retrieve_template_response_200 import RetrieveTemplateResponse200
    from ...models.template import Template
    from ...pagination import Paginator

__all__ = ["TemplatesRawResource", "TemplatesResource"]

_RETRIEVE_TEMPLATE = Operation(
    name="retrieve_template",
    group="templates",
    method_name="retrieve",
    http_method="GET",
    path="/api/clinic/templates/{id}",
    module_name=f"{__name__}.retrieve_template",
    result_key="template",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)


class TemplatesResource:
    """Operations tagged "templates": typed arguments, unwrapped typed results.

    List operations return a `Paginator` (``async for item in ...``); the others are
    coroutines. Errors raise ``fullscript`` exceptions.
    """

    OPERATIONS: ClassVar[dict[str, Operation]] = {
        "retrieve": _RETRIEVE_TEMPLATE,
    }

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    async def retrieve(
        self,
        id: str,
    ) -> Template:
        """Retrieve a template

        Returns one template with its recommendations.

        ``GET /api/clinic/templates/{id}`` (operation ``retrieve_template``)

        Returns:
            Template
        """

        return cast(
            "Template",
            await self._invoker.request(
                _RETRIEVE_TEMPLATE,
                {
                    "id": id,
                },
            ),
        )


class TemplatesRawResource:
    """Operations tagged "templates", answering the whole HTTP response.

    Same names and arguments as `TemplatesResource` except that list operations take the page
    parameters and return one page. The result is a `Response` (status code, headers including
    ``X-Request-Id``, body, and ``parsed``: the body as the API sent it). Errors still raise.
    """

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    async def retrieve(
        self,
        id: str,
    ) -> Response[RetrieveTemplateResponse200]:
        """Retrieve a template

        Returns one template with its recommendations.

        ``GET /api/clinic/templates/{id}`` (operation ``retrieve_template``)

        Returns:
            Response[RetrieveTemplateResponse200]
        """

        return await self._invoker.request_raw(
            _RETRIEVE_TEMPLATE,
            {
                "id": id,
            },
        )
