"""``POST /api/v1/screen``: the screening verdict for a text, as ``majlis screen`` prints it."""

from ninja import Router

from majlis.api import schemas

router = Router(tags=["screening"])


@router.post("/screen", response=schemas.VerdictOut, summary="Screen a text against the guidelines")
def screen_text(request, payload: schemas.ScreenIn):
    from majlis.screening import screen

    article = payload.article.model_dump() if payload.article else None
    return screen(payload.text, article).to_dict()
