"""The README's sandbox example is real code: run it as written."""

import re
from pathlib import Path
from typing import Any

README = Path(__file__).resolve().parents[1] / "README.md"


def python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README.read_text(), flags=re.DOTALL)


async def test_the_readme_sandbox_example_runs_as_written() -> None:
    [example] = [block for block in python_blocks() if "async def test_my_sync_job" in block]
    namespace: dict[str, Any] = {}
    exec(compile(example, str(README), "exec"), namespace)
    await namespace["test_my_sync_job"]()
