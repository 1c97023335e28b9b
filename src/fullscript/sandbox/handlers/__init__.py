"""The API handlers, one module per resource group, plus what they share: the parsed call
(:mod:`.call`), paging and filters (:mod:`.listing`) and the list/retrieve handlers
(:mod:`.generic`).

Handlers translate a parsed call into changes of the state (:mod:`..state`) and a reply; they
never see Starlette. :mod:`.registry` maps every operationId to its handler."""
