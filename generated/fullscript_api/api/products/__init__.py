"""Operations tagged "products", as `ProductsResource` (friendly) and `ProductsRawResource` (raw)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, ClassVar, cast

from ...types import UNSET, Response, Unset
from .. import Operation, OperationInvoker

# Models are named only in annotations, and each endpoint module is imported by its
# `Operation` on first use: using the group loads nothing of an operation not called.
if TYPE_CHECKING:
    from ...models.error import Error
    from ...models.list_products_response_200 import ListProductsResponse200
    from ...models.list_similar_products_response_200 import ListSimilarProductsResponse200
    from ...models.product import Product
    from ...models.retrieve_product_response_200 import RetrieveProductResponse200
    from ...models.search_products_response_200 import SearchProductsResponse200
    from ...pagination import Paginator

__all__ = ["ProductsRawResource", "ProductsResource"]

_LIST_PRODUCTS = Operation(
    name="list_products",
    group="products",
    method_name="list",
    http_method="GET",
    path="/api/catalog/products",
    module_name=f"{__name__}.list_products",
    result_key=None,
    items_key="products",
    page_number_param="pagenumber",
    page_size_param="pagesize",
)
_RETRIEVE_PRODUCT = Operation(
    name="retrieve_product",
    group="products",
    method_name="retrieve",
    http_method="GET",
    path="/api/catalog/products/{id}",
    module_name=f"{__name__}.retrieve_product",
    result_key="product",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)
_LIST_SIMILAR_PRODUCTS = Operation(
    name="list_similar_products",
    group="products",
    method_name="list_similar_products",
    http_method="GET",
    path="/api/catalog/products/{product_id}/similar",
    module_name=f"{__name__}.list_similar_products",
    result_key=None,
    items_key="products",
    page_number_param="pagenumber",
    page_size_param="pagesize",
)
_SEARCH_PRODUCTS = Operation(
    name="search_products",
    group="products",
    method_name="search",
    http_method="GET",
    path="/api/catalog/search/products",
    module_name=f"{__name__}.search_products",
    result_key=None,
    items_key="products",
    page_number_param="pagenumber",
    page_size_param="pagesize",
)


class ProductsResource:
    """Operations tagged "products": typed arguments, unwrapped typed results.

    List operations return a `Paginator` (``async for item in ...``); the others are
    coroutines. Errors raise ``fullscript`` exceptions.
    """

    OPERATIONS: ClassVar[dict[str, Operation]] = {
        "list": _LIST_PRODUCTS,
        "retrieve": _RETRIEVE_PRODUCT,
        "list_similar_products": _LIST_SIMILAR_PRODUCTS,
        "search": _SEARCH_PRODUCTS,
    }

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    def list(
        self,
        *,
        page_size: int = 100,
        limit: int | None = None,
        prefetch: int = 0,
    ) -> Paginator[Product]:
        """List all products

        Pages through the products of the catalog.

        ``GET /api/catalog/products`` (operation ``list_products``)

        Returns:
            Paginator[Product]: every record, fetched `page_size` at a time (up to `limit`), with
            up to `prefetch` pages fetched ahead.
        """

        return self._invoker.paginate(
            _LIST_PRODUCTS,
            {},
            page_size=page_size,
            limit=limit,
            prefetch=prefetch,
        )

    async def retrieve(
        self,
        id: str,
        *,
        practitioner_id: str | Unset = UNSET,
    ) -> Product:
        """Retrieve a product

        Returns one product with its variants and dosage. Pass `practitioner_id` to also get that
        practitioner's custom dosage in `custom_dosage`.

        ``GET /api/catalog/products/{id}`` (operation ``retrieve_product``)

        Returns:
            Product
        """

        return cast(
            "Product",
            await self._invoker.request(
                _RETRIEVE_PRODUCT,
                {
                    "id": id,
                    "practitioner_id": practitioner_id,
                },
            ),
        )

    def list_similar_products(
        self,
        product_id: str,
        *,
        page_size: int = 100,
        limit: int | None = None,
        prefetch: int = 0,
    ) -> Paginator[Product]:
        """List similar products

        Pages through products similar to the given one, as curated by Fullscript's health
        professionals, most popular first. Restricted: Fullscript grants access to this endpoint
        on request only; other apps receive 403.

        ``GET /api/catalog/products/{product_id}/similar`` (operation ``list_similar_products``)

        Returns:
            Paginator[Product]: every record, fetched `page_size` at a time (up to `limit`), with
            up to `prefetch` pages fetched ahead.
        """

        return self._invoker.paginate(
            _LIST_SIMILAR_PRODUCTS,
            {
                "product_id": product_id,
            },
            page_size=page_size,
            limit=limit,
            prefetch=prefetch,
        )

    def search(
        self,
        *,
        query: str | Unset = UNSET,
        allergen_ids: builtins.list[str] | Unset = UNSET,
        brand_id: str | Unset = UNSET,
        ingredient_ids: builtins.list[str] | Unset = UNSET,
        supplement_type_ids: builtins.list[str] | Unset = UNSET,
        third_party_certification_ids: builtins.list[str] | Unset = UNSET,
        page_size: int = 100,
        limit: int | None = None,
        prefetch: int = 0,
    ) -> Paginator[Product]:
        """Search for products

        Full-text product search that honours brand segmentation: only products and brands
        available to the clinic are returned. Array filters repeat the key, e.g.
        `allergen_ids[]=a&allergen_ids[]=b`. Restricted: Fullscript grants access to this endpoint
        on request only; other apps receive 403.

        ``GET /api/catalog/search/products`` (operation ``search_products``)

        Returns:
            Paginator[Product]: every record, fetched `page_size` at a time (up to `limit`), with
            up to `prefetch` pages fetched ahead.
        """

        return self._invoker.paginate(
            _SEARCH_PRODUCTS,
            {
                "query": query,
                "allergen_ids": allergen_ids,
                "brand_id": brand_id,
                "ingredient_ids": ingredient_ids,
                "supplement_type_ids": supplement_type_ids,
                "third_party_certification_ids": third_party_certification_ids,
            },
            page_size=page_size,
            limit=limit,
            prefetch=prefetch,
        )


class ProductsRawResource:
    """Operations tagged "products", answering the whole HTTP response.

    Same names and arguments as `ProductsResource` except that list operations take the page
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
    ) -> Response[ListProductsResponse200]:
        """List all products

        Pages through the products of the catalog.

        ``GET /api/catalog/products`` (operation ``list_products``)

        Returns:
            Response[ListProductsResponse200]
        """

        return await self._invoker.request_raw(
            _LIST_PRODUCTS,
            {
                "pagenumber": page,
                "pagesize": page_size,
            },
        )

    async def retrieve(
        self,
        id: str,
        *,
        practitioner_id: str | Unset = UNSET,
    ) -> Response[RetrieveProductResponse200]:
        """Retrieve a product

        Returns one product with its variants and dosage. Pass `practitioner_id` to also get that
        practitioner's custom dosage in `custom_dosage`.

        ``GET /api/catalog/products/{id}`` (operation ``retrieve_product``)

        Returns:
            Response[RetrieveProductResponse200]
        """

        return await self._invoker.request_raw(
            _RETRIEVE_PRODUCT,
            {
                "id": id,
                "practitioner_id": practitioner_id,
            },
        )

    async def list_similar_products(
        self,
        product_id: str,
        *,
        page: int | Unset = UNSET,
        page_size: int | Unset = UNSET,
    ) -> Response[ListSimilarProductsResponse200]:
        """List similar products

        Pages through products similar to the given one, as curated by Fullscript's health
        professionals, most popular first. Restricted: Fullscript grants access to this endpoint
        on request only; other apps receive 403.

        ``GET /api/catalog/products/{product_id}/similar`` (operation ``list_similar_products``)

        Returns:
            Response[ListSimilarProductsResponse200]
        """

        return await self._invoker.request_raw(
            _LIST_SIMILAR_PRODUCTS,
            {
                "product_id": product_id,
                "pagenumber": page,
                "pagesize": page_size,
            },
        )

    async def search(
        self,
        *,
        query: str | Unset = UNSET,
        allergen_ids: builtins.list[str] | Unset = UNSET,
        brand_id: str | Unset = UNSET,
        ingredient_ids: builtins.list[str] | Unset = UNSET,
        supplement_type_ids: builtins.list[str] | Unset = UNSET,
        third_party_certification_ids: builtins.list[str] | Unset = UNSET,
        page: int | Unset = UNSET,
        page_size: int | Unset = UNSET,
    ) -> Response[SearchProductsResponse200]:
        """Search for products

        Full-text product search that honours brand segmentation: only products and brands
        available to the clinic are returned. Array filters repeat the key, e.g.
        `allergen_ids[]=a&allergen_ids[]=b`. Restricted: Fullscript grants access to this endpoint
        on request only; other apps receive 403.

        ``GET /api/catalog/search/products`` (operation ``search_products``)

        Returns:
            Response[SearchProductsResponse200]
        """

        return await self._invoker.request_raw(
            _SEARCH_PRODUCTS,
            {
                "query": query,
                "allergen_ids": allergen_ids,
                "brand_id": brand_id,
                "ingredient_ids": ingredient_ids,
                "supplement_type_ids": supplement_type_ids,
                "third_party_certification_ids": third_party_certification_ids,
                "pagenumber": page,
                "pagesize": page_size,
            },
        )
