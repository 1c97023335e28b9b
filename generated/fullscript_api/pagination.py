"""What a list operation returns, as the generated resource classes see it.

The resource classes hand list operations to an ``OperationInvoker`` and return whatever its
``paginate`` answers. These protocols describe that object, so the generated package needs
nothing from the code that implements it (the ``fullscript`` façade's ``AsyncPaginator``):
the dependency runs one way, façade -> generated.
"""

from collections.abc import Generator, Sequence
from types import TracebackType
from typing import Any, Protocol, Self, TypeVar

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


class Page(Protocol[T_co]):
    """One page of a list response: its records plus the server's paging metadata."""

    @property
    def items(self) -> Sequence[T_co]: ...

    @property
    def current_page(self) -> int: ...

    @property
    def next_page(self) -> int | None: ...

    @property
    def total_pages(self) -> int | None: ...

    @property
    def total_count(self) -> int | None: ...


class ClosableAsyncIterator(Protocol[T_co]):
    """An async iterator that stops its pending fetches on ``aclose()`` or leaving ``async with``."""

    def __aiter__(self) -> Self: ...

    async def __anext__(self) -> T_co: ...

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc_value: BaseException | None,
        traceback: TracebackType | None,
        /,
    ) -> None: ...

    async def aclose(self) -> None: ...


class Paginator(Protocol[T]):
    """Every record of a list operation: ``async for item in ...``, or one page with ``await``."""

    def __aiter__(self) -> ClosableAsyncIterator[T]: ...

    def __await__(self) -> Generator[Any, None, Page[T]]: ...

    def pages(self) -> ClosableAsyncIterator[Page[T]]: ...

    async def first_page(self) -> Page[T]: ...

    async def to_list(self) -> list[T]: ...

    def starting_at(self, page: int) -> "Paginator[T]": ...


__all__ = ["ClosableAsyncIterator", "Page", "Paginator"]
