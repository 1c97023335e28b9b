"""Operations tagged "categories", as `CategoriesResource` (friendly) and `CategoriesRawResource` (raw)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, ClassVar, cast

from ...types import UNSET, Response, Unset
from .. import Operation, OperationInvoker

# Models are named only in annotations, and each endpoint module is imported by its
# `Operation` on first use: using the group loads nothing of an operation not called.
if TYPE_CHECKING:
    from ...models.category import Category
    from ...models.error import Error
    from ...models.list_categories_response_200 import ListCategoriesResponse200
    from ...models.list_category_products_response_200 import ListCategoryProductsResponse200
    from ...models.product import Product
    from ...models.retrieve_category_response_200 import RetrieveCategoryResponse200
    from ...pagination import Paginator

__all__ = ["CategoriesRawResource", "CategoriesResource"]

_LIST_CATEGORIES = Operation(
    name="list_categories",
    group="categories",
    method_name="list",
    http_method="GET",
    path="/api/clinic/categories",
    module_name=f"{__name__}.list_categories",
    result_key=None,
    items_key="categories",
    page_number_param="pagenumber",
    page_size_param="pagesize",
)
_LIST_CATEGORY_PRODUCTS = Operation(
    name="list_category_products",
    group="categories",
    method_name="list_products",
    http_method="GET",
    path="/api/clinic/categories/{category_id}/products",
    module_name=f"{__name__}.list_category_products",
    result_key=None,
    items_key="products",
    page_number_param="pagenumber",
    page_size_param="pagesize",
)
_RETRIEVE_CATEGORY = Operation(
    name="retrieve_category",
    group="categories",
    method_name="retrieve",
    http_method="GET",
    path="/api/clinic/categories/{id}",
    module_name=f"{__name__}.retrieve_category",
    result_key="category",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)


class CategoriesResource:
    """Operations tagged "categories": typed arguments, unwrapped typed results.

    List operations return a `Paginator` (``async for item in ...``); the others are
    coroutines. Errors raise ``fullscript`` exceptions.
    """

    OPERATIONS: ClassVar[dict[str, Operation]] = {
        "list": _LIST_CATEGORIES,
        "list_products": _LIST_CATEGORY_PRODUCTS,
        "retrieve": _RETRIEVE_CATEGORY,
    }

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    def list(
        self,
        *,
        page_size: int = 100,
        limit: int | None = None,
        prefetch: int = 0,
    ) -> Paginator[Category]:
        """List all categories

        Pages through the clinic's product categories.

        ``GET /api/clinic/categories`` (operation ``list_categories``)

        Returns:
            Paginator[Category]: every record, fetched `page_size` at a time (up to `limit`), with
            up to `prefetch` pages fetched ahead.
        """

        return self._invoker.paginate(
            _LIST_CATEGORIES,
            {},
            page_size=page_size,
            limit=limit,
            prefetch=prefetch,
        )

    def list_products(
        self,
        category_id: str,
        *,
        page_size: int = 100,
        limit: int | None = None,
        prefetch: int = 0,
    ) -> Paginator[Product]:
        """List all category products

        Pages through the products of a category, by name ascending.

        ``GET /api/clinic/categories/{category_id}/products`` (operation ``list_category_products``)

        Returns:
            Paginator[Product]: every record, fetched `page_size` at a time (up to `limit`), with
            up to `prefetch` pages fetched ahead.
        """

        return self._invoker.paginate(
            _LIST_CATEGORY_PRODUCTS,
            {
                "category_id": category_id,
            },
            page_size=page_size,
            limit=limit,
            prefetch=prefetch,
        )

    async def retrieve(
        self,
        id: str,
    ) -> Category:
        """Retrieve a category

        Returns one category of the clinic with its product count.

        ``GET /api/clinic/categories/{id}`` (operation ``retrieve_category``)

        Returns:
            Category
        """

        return cast(
            "Category",
            await self._invoker.request(
                _RETRIEVE_CATEGORY,
                {
                    "id": id,
                },
            ),
        )


class CategoriesRawResource:
    """Operations tagged "categories", answering the whole HTTP response.

    Same names and arguments as `CategoriesResource` except that list operations take the page
    parameters and return one page. The result is a `Response` (status code, headers including
    ``X-Request-Id``, body, and ``parsed``: the body as the API sent it). Errors still raise.
    """

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    async def list(
        self,
        *,
        page: int | Unset = UNSET,
        page_size: int | Unset = UNSET,
    ) -> Response[ListCategoriesResponse200]:
        """List all categories

        Pages through the clinic's product categories.

        ``GET /api/clinic/categories`` (operation ``list_categories``)

        Returns:
            Response[ListCategoriesResponse200]
        """

        return await self._invoker.request_raw(
            _LIST_CATEGORIES,
            {
                "pagenumber": page,
                "pagesize": page_size,
            },
        )

    async def list_products(
        self,
        category_id: str,
        *,
        page: int | Unset = UNSET,
        page_size: int | Unset = UNSET,
    ) -> Response[ListCategoryProductsResponse200]:
        """List all category products

        Pages through the products of a category, by name ascending.

        ``GET /api/clinic/categories/{category_id}/products`` (operation ``list_category_products``)

        Returns:
            Response[ListCategoryProductsResponse200]
        """

        return await self._invoker.request_raw(
            _LIST_CATEGORY_PRODUCTS,
            {
                "category_id": category_id,
                "pagenumber": page,
                "pagesize": page_size,
            },
        )

    async def retrieve(
        self,
        id: str,
    ) -> Response[RetrieveCategoryResponse200]:
        """Retrieve a category

        Returns one category of the clinic with its product count.

        ``GET /api/clinic/categories/{id}`` (operation ``retrieve_category``)

        Returns:
            Response[RetrieveCategoryResponse200]
        """

        return await self._invoker.request_raw(
            _RETRIEVE_CATEGORY,
            {
                "id": id,
            },
        )
