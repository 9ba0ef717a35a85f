"""``/docs``: the API described from its own OpenAPI schema, as a plain page
served by this server (no CDN, no script): every operation with its
parameters and responses, and a form to try each GET that takes no path part."""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from dyad.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/docs", response_class=HTMLResponse)
async def docs(request: Request):
    schema = request.app.openapi()
    html = render("docs.html", info=schema["info"], openapi_version=schema["openapi"],
                  operations=operations(schema), request_path="/docs", twin="/openapi.json")
    return HTMLResponse(html)


def operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            parameters = [_parameter(p) for p in op.get("parameters", [])]
            found.append({
                "method": method.upper(), "path": path, "summary": op.get("summary", ""),
                "description": op.get("description", ""), "parameters": parameters,
                "anchor": re.sub(r"[^a-z0-9]+", "-", f"{method} {path}".lower()).strip("-"),
                "body": _body(op.get("requestBody")),
                "responses": [(code, r.get("description", "")) for code, r in sorted(op.get("responses", {}).items())],
                "try_it": method == "get" and "{" not in path,
            })
    return found


def _parameter(p: dict[str, Any]) -> dict[str, Any]:
    schema = p.get("schema", {})
    return {"name": p["name"], "where": p.get("in", ""), "required": p.get("required", False),
            "type": _type(schema), "default": schema.get("default"),
            "description": p.get("description") or schema.get("description", "")}


def _type(schema: dict[str, Any]) -> str:
    if "enum" in schema:
        return " | ".join(map(str, schema["enum"]))
    if "anyOf" in schema:
        return " or ".join(_type(s) for s in schema["anyOf"] if s.get("type") != "null")
    return schema.get("type", "")


def _body(body: dict[str, Any] | None) -> str:
    if not body:
        return ""
    schema = body.get("content", {}).get("application/json", {}).get("schema", {})
    first = (schema.get("anyOf") or [schema])[0]
    fields = [f"{k}{'' if k in first.get('required', []) else '?'}" for k in first.get("properties", {})]
    return "{" + ", ".join(fields) + "}" + (" or a list of them" if "anyOf" in schema else "")
