"""Operations tagged "ingredients", as `IngredientsResource` (friendly) and `IngredientsRawResource` (raw)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, ClassVar, cast

from ...types import UNSET, Response, Unset
from .. import Operation, OperationInvoker

# Models are named only in annotations, and each endpoint module is imported by its
# `Operation` on first use: using the group loads nothing of an operation not called.
if TYPE_CHECKING:
    from ...models.error import Error
    from ...models.ingredient import Ingredient
    from ...models.list_ingredients_response_200 import ListIngredientsResponse200
    from ...models.retrieve_ingredient_response_200 import RetrieveIngredientResponse200
    from ...pagination import Paginator

__all__ = ["IngredientsRawResource", "IngredientsResource"]

_LIST_INGREDIENTS = Operation(
    name="list_ingredients",
    group="ingredients",
    method_name="list",
    http_method="GET",
    path="/api/catalog/ingredients",
    module_name=f"{__name__}.list_ingredients",
    result_key=None,
    items_key="ingredients",
    page_number_param="pagenumber",
    page_size_param="pagesize",
)
_RETRIEVE_INGREDIENT = Operation(
    name="retrieve_ingredient",
    group="ingredients",
    method_name="retrieve",
    http_method="GET",
    path="/api/catalog/ingredients/{id}",
    module_name=f"{__name__}.retrieve_ingredient",
    result_key="ingredient",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)


class IngredientsResource:
    """Operations tagged "ingredients": typed arguments, unwrapped typed results.

    List operations return a `Paginator` (``async for item in ...``); the others are
    coroutines. Errors raise ``fullscript`` exceptions.
    """

    OPERATIONS: ClassVar[dict[str, Operation]] = {
        "list": _LIST_INGREDIENTS,
        "retrieve": _RETRIEVE_INGREDIENT,
    }

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    def list(
        self,
        *,
        page_size: int = 100,
        limit: int | None = None,
        prefetch: int = 0,
    ) -> Paginator[Ingredient]:
        """List all ingredients

        Pages through every ingredient of the Fullscript catalog.

        ``GET /api/catalog/ingredients`` (operation ``list_ingredients``)

        Returns:
            Paginator[Ingredient]: every record, fetched `page_size` at a time (up to `limit`),
            with up to `prefetch` pages fetched ahead.
        """

        return self._invoker.paginate(
            _LIST_INGREDIENTS,
            {},
            page_size=page_size,
            limit=limit,
            prefetch=prefetch,
        )

    async def retrieve(
        self,
        id: str,
    ) -> Ingredient:
        """Retrieve an ingredient

        Returns one ingredient by its identifier.

        ``GET /api/catalog/ingredients/{id}`` (operation ``retrieve_ingredient``)

        Returns:
            Ingredient
        """

        return cast(
            "Ingredient",
            await self._invoker.request(
                _RETRIEVE_INGREDIENT,
                {
                    "id": id,
                },
            ),
        )


class IngredientsRawResource:
    """Operations tagged "ingredients", answering the whole HTTP response.

    Same names and arguments as `IngredientsResource` except that list operations take the page
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
    ) -> Response[ListIngredientsResponse200]:
        """List all ingredients

        Pages through every ingredient of the Fullscript catalog.

        ``GET /api/catalog/ingredients`` (operation ``list_ingredients``)

        Returns:
            Response[ListIngredientsResponse200]
        """

        return await self._invoker.request_raw(
            _LIST_INGREDIENTS,
            {
                "pagenumber": page,
                "pagesize": page_size,
            },
        )

    async def retrieve(
        self,
        id: str,
    ) -> Response[RetrieveIngredientResponse200]:
        """Retrieve an ingredient

        Returns one ingredient by its identifier.

        ``GET /api/catalog/ingredients/{id}`` (operation ``retrieve_ingredient``)

        Returns:
            Response[RetrieveIngredientResponse200]
        """

        return await self._invoker.request_raw(
            _RETRIEVE_INGREDIENT,
            {
                "id": id,
            },
        )
