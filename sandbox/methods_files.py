"""Bot API methods with files: sendDocument, sendPhoto, getFile, and the file download route."""

from __future__ import annotations

import mimetypes
import os
from typing import TYPE_CHECKING, Any

from aiohttp import web
from aiohttp.web_request import FileField

from sandbox.errors import ApiError, bad_request
from sandbox.formatting import format_text
from sandbox.media import image_size
from sandbox.methods_messages import deliver, parse_reply_markup
from sandbox.params import Params
from sandbox.state import StoredFile, World

if TYPE_CHECKING:
    from sandbox.server import BotApiSandbox

MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024
WRONG_FILE = bad_request("wrong file identifier/HTTP URL specified")


def store_document(world: World, content: bytes, file_name: str, mime: str | None) -> StoredFile:
    """Keep a document, guessing its MIME type from the name like Telegram does."""
    extension = os.path.splitext(file_name)[1]
    guessed = mimetypes.guess_type(file_name)[0]
    return world.store_file(
        content, "documents", extension, file_name, guessed or mime or "application/octet-stream"
    )


def document_object(stored: StoredFile) -> dict[str, Any]:
    """Telegram's Document object."""
    data: dict[str, Any] = {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "file_size": len(stored.content),
    }
    if stored.file_name:
        data["file_name"] = stored.file_name
    if stored.mime_type:
        data["mime_type"] = stored.mime_type
    return data


def photo_sizes(stored: StoredFile, width: int, height: int) -> list[dict[str, Any]]:
    """Telegram's PhotoSize list (one size: the sandbox does not resample)."""
    return [
        {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.content),
            "width": width,
            "height": height,
        }
    ]


def _read_upload(field: FileField) -> bytes:
    field.file.seek(0)
    return field.file.read()


def _known_file(world: World, file_id: str) -> StoredFile:
    stored = world.files.get(file_id)
    if stored is None:
        raise WRONG_FILE
    return stored


def _caption_body(p: Params) -> tuple[dict[str, Any], dict[str, Any]]:
    """Message fields and bookkeeping for an optional caption."""
    source, parse_mode = p.text("caption"), p.text("parse_mode")
    if not source:
        return {}, {}
    caption, entities = format_text(source, parse_mode, p.json("caption_entities"), caption=True)
    body: dict[str, Any] = {"caption": caption}
    if entities:
        body["caption_entities"] = entities
    return body, {"source_text": source, "parse_mode": parse_mode}


async def send_document(sb: BotApiSandbox, p: Params) -> dict[str, Any]:
    """sendDocument: a multipart upload or a file_id of a file the sandbox already has."""
    chat = sb.world.chat_for_bot(p.chat_id())
    upload = p.upload("document")
    if isinstance(upload, FileField):
        name = upload.filename or "document"
        stored = store_document(sb.world, _read_upload(upload), name, upload.content_type)
    elif isinstance(upload, str) and upload:
        stored = _known_file(sb.world, upload)
    else:
        raise bad_request("there is no document in the request")
    markup = parse_reply_markup(p)
    body, meta = _caption_body(p)
    body["document"] = document_object(stored)
    return deliver(sb, chat, p, body, markup, **meta)


async def send_photo(sb: BotApiSandbox, p: Params) -> dict[str, Any]:
    """sendPhoto: the upload must be a real image, as Telegram re-encodes it."""
    chat = sb.world.chat_for_bot(p.chat_id())
    upload = p.upload("photo")
    if isinstance(upload, FileField):
        content = _read_upload(upload)
        size = image_size(content)
        if size is None:
            raise bad_request("IMAGE_PROCESS_FAILED")
        stored = sb.world.store_file(content, "photos", ".jpg", None, None)
        sizes = photo_sizes(stored, *size)
    elif isinstance(upload, str) and upload:
        stored = _known_file(sb.world, upload)
        sizes = photo_sizes(stored, *(image_size(stored.content) or (320, 320)))
    else:
        raise bad_request("there is no photo in the request")
    markup = parse_reply_markup(p)
    body, meta = _caption_body(p)
    body["photo"] = sizes
    return deliver(sb, chat, p, body, markup, **meta)


async def get_file(sb: BotApiSandbox, p: Params) -> dict[str, Any]:
    """getFile."""
    stored = sb.world.files.get(p.text("file_id") or "")
    if stored is None:
        raise bad_request("invalid file_id")
    if len(stored.content) > MAX_DOWNLOAD_BYTES:
        raise bad_request("file is too big")
    return stored.to_api()


async def download_file(sb: BotApiSandbox, request: web.Request) -> web.StreamResponse:
    """GET /file/bot<token>/<file_path>: the stored bytes."""
    try:
        sb.check_token(request.match_info["token"])
    except ApiError as error:
        return error.response()
    stored = sb.world.file_by_path(request.match_info["file_path"])
    if stored is None:
        return ApiError(404, "Not Found").response()
    return web.Response(
        body=stored.content, content_type=stored.mime_type or "application/octet-stream"
    )


METHODS = {
    "sendDocument": send_document,
    "sendPhoto": send_photo,
    "getFile": get_file,
}
