"""The overlap report: computed by the worker, not the request; marks survive re-scans."""

from __future__ import annotations

import io
import re

import sqlalchemy as sa
from openpyxl import load_workbook

from bank.matching.pairs import DOUBLE_THRESHOLD
from bank.offers.services import retire_offer
from bank.reports.models import DoubleScan, NotDoubleMark, ScanStatus
from bank.tasks import get_queue, run_pending

STRESS_GROUP = ("Ro på", "Pres på", "Åndehul")


def groups_on(html: str) -> list[str]:
    """Return the text of each double-offer group section on the page."""
    return re.findall(r'<section class="card overlap-group".*?</section>', html, re.S)


def test_opening_the_report_queues_the_scan_instead_of_computing_it(
    client, auth, leader, demo_catalogue, session
):
    auth.login(leader)
    page = client.get("/rapporter/dobbelttilbud").get_data(as_text=True)
    assert "Rapporten er ikke beregnet endnu" in page
    assert "En ny beregning er i gang" in page
    assert groups_on(page) == []
    scan = session.scalars(sa.select(DoubleScan)).one()
    assert scan.status == ScanStatus.QUEUED and scan.computed_at is None
    assert get_queue().huey.pending_count() == 1  # waiting for the worker

    assert run_pending() == 1  # the worker's turn
    session.expire_all()
    assert session.get(DoubleScan, scan.id).status == ScanStatus.DONE
    page = client.get("/rapporter/dobbelttilbud").get_data(as_text=True)
    assert "Beregnet " in page and "ud fra 71 offentliggjorte tilbud" in page
    assert "En ny beregning er i gang" not in page
    assert get_queue().huey.pending_count() == 0  # nothing new to compute


def test_the_demos_double_offers_are_grouped_largest_first_side_by_side(
    client, auth, leader, demo_catalogue
):
    auth.login(leader)
    client.get("/rapporter/dobbelttilbud")
    run_pending()
    groups = groups_on(client.get("/rapporter/dobbelttilbud").get_data(as_text=True))
    stress = next(g for g in groups if all(title in g for title in STRESS_GROUP))
    assert "3 tilbud, der ligner hinanden" in stress
    sizes = [int(re.search(r"(\d+) tilbud, der ligner", g).group(1)) for g in groups]
    assert sizes == sorted(sizes, reverse=True)
    for unit in ("Sundhedscentret", "Ungerådgivningen", "Den Åbne Rådgivning"):
        assert unit in stress
    assert "<mark>stress</mark>" in stress.lower()  # shared words are highlighted
    assert 'class="tag shared"' in stress  # and so are shared tags


def test_a_pair_marked_not_double_leaves_the_report_and_stays_out_after_a_rescan(
    client, auth, leader, demo_catalogue, session
):
    auth.login(leader)
    client.get("/rapporter/dobbelttilbud")
    run_pending()
    sprog, snak = demo_catalogue["dm-o047"], demo_catalogue["dm-o049"]
    pair = f'data-pair="{sprog.ref}|{snak.ref}"'
    assert pair in client.get("/rapporter/dobbelttilbud").get_data(as_text=True)

    response = client.post(
        "/rapporter/dobbelttilbud/ikke-dobbelt",
        data={
            "a": snak.id,
            "b": sprog.id,
            "kommentar": "Snak dansk er kun for beboerne i området.",
        },
    )
    assert response.status_code == 302
    page = client.get("/rapporter/dobbelttilbud").get_data(as_text=True)
    assert pair not in page
    assert "Snak dansk er kun for beboerne i området." in page and "Lars Leder" in page

    client.post("/rapporter/dobbelttilbud/beregn")
    assert run_pending() == 1
    session.expire_all()
    latest = session.scalars(sa.select(DoubleScan).order_by(DoubleScan.id.desc())).first()
    found = {(p["a"], p["b"]) for p in latest.results["pairs"]}
    assert (sprog.id, snak.id) in found  # the engine still finds them alike ...
    assert pair not in client.get("/rapporter/dobbelttilbud").get_data(as_text=True)  # ... hidden
    mark = session.scalars(sa.select(NotDoubleMark)).one()
    assert (mark.offer_a_id, mark.offer_b_id, mark.user_id) == (sprog.id, snak.id, leader.id)


def test_a_changed_catalogue_is_scanned_again_by_the_periodic_check(
    client, auth, leader, demo_catalogue, session, make_user
):
    auth.login(leader)
    client.get("/rapporter/dobbelttilbud")
    run_pending()
    get_queue().check_catalogue.call_local()
    assert run_pending() == 0  # nothing changed, nothing queued

    editor = make_user("editor", unit="Sundhedscentret")
    retire_offer(session, editor, "dm-o056")
    session.commit()
    page = client.get("/rapporter/dobbelttilbud").get_data(as_text=True)
    assert "Kataloget er ændret siden" in page or "En ny beregning er i gang" in page
    get_queue().check_catalogue.call_local()  # a pending scan is not queued twice
    assert run_pending() == 1
    stress = [
        g
        for g in groups_on(client.get("/rapporter/dobbelttilbud").get_data(as_text=True))
        if "Pres på" in g
    ]
    assert stress and "Ro på" not in stress[0]  # the retired offer takes no part


def test_the_threshold_can_be_set_and_each_is_computed_in_the_background(
    client, auth, leader, demo_catalogue, session
):
    auth.login(leader)
    client.get("/rapporter/dobbelttilbud")
    run_pending()
    page = client.get("/rapporter/dobbelttilbud?graense=0,55").get_data(as_text=True)
    assert "En ny beregning er i gang" in page
    run_pending()
    strict = session.scalars(sa.select(DoubleScan).where(DoubleScan.threshold == 0.55)).one()
    default = session.scalars(
        sa.select(DoubleScan).where(DoubleScan.threshold == DOUBLE_THRESHOLD)
    ).one()
    assert 0 < len(strict.results["pairs"]) < len(default.results["pairs"])
    assert all(p["score"] >= 0.55 for p in strict.results["pairs"])
    page = client.get("/rapporter/dobbelttilbud?graense=0.55").get_data(as_text=True)
    assert len(re.findall(r'<li class="pair"', page)) == len(strict.results["pairs"])


def test_an_impossible_threshold_is_refused_with_a_danish_message(client, auth, leader):
    auth.login(leader)
    page = client.get("/rapporter/dobbelttilbud?graense=3").get_data(as_text=True)
    assert "Grænsen skal være et tal fra 0,2 til 0,9" in page


def test_the_filters_keep_only_groups_with_an_offer_of_that_centre_or_tag(
    client, auth, leader, demo_catalogue
):
    auth.login(leader)
    client.get("/rapporter/dobbelttilbud")
    run_pending()
    centre = "Center for Kultur og Fritid"
    groups = groups_on(
        client.get(f"/rapporter/dobbelttilbud?center={centre}").get_data(as_text=True)
    )
    assert groups and all(centre in g for g in groups)
    groups = groups_on(client.get("/rapporter/dobbelttilbud?emne=bolig").get_data(as_text=True))
    assert groups and all("Bolig" in g for g in groups)
    assert not any("Pres på" in g for g in groups)


def test_overlapping_pairs_that_are_not_double_are_listed_apart(
    client, auth, leader, demo_catalogue, session
):
    auth.login(leader)
    client.get("/rapporter/dobbelttilbud")
    run_pending()
    page = client.get("/rapporter/dobbelttilbud").get_data(as_text=True)
    partial = page.split('id="overlap"', 1)[1].split('id="markeret"', 1)[0]
    scan = session.scalars(sa.select(DoubleScan)).one()
    assert len(re.findall(r'<tr class="pair"', partial)) == len(scan.results["partial"]) > 0
    assert not any(groups_on(partial))


def test_the_report_downloads_as_xlsx_with_the_groups_and_the_overlaps(
    client, auth, leader, demo_catalogue
):
    auth.login(leader)
    client.get("/rapporter/dobbelttilbud")
    run_pending()
    response = client.get("/rapporter/dobbelttilbud/eksport.xlsx")
    assert response.headers["Content-Disposition"] == 'attachment; filename="dobbelttilbud.xlsx"'
    book = load_workbook(io.BytesIO(response.data))
    assert book.sheetnames == ["Dobbelttilbud", "Delvist overlap", "Ikke dobbelttilbud"]
    rows = list(book["Dobbelttilbud"].iter_rows(values_only=True))
    assert rows[0][:2] == ("Gruppe", "Tilbud A")
    stress = {r[1] for r in rows[1:] if r[0] == 1} | {r[4] for r in rows[1:] if r[0] == 1}
    assert len(rows) > 5 and all(isinstance(r[0], int) for r in rows[1:])
    assert stress  # group 1 has its pairs
    csv = client.get("/rapporter/dobbelttilbud/eksport.csv").get_data(as_text=True)
    assert csv.lstrip("\ufeff").startswith("Gruppe;Tilbud A;Enhed A")


def test_editors_may_see_and_mark_but_coordinators_may_not(
    client, auth, make_user, demo_catalogue, session
):
    coordinator = make_user("coordinator")
    auth.login(coordinator)
    assert client.get("/rapporter/dobbelttilbud").status_code == 403
    assert (
        client.post(
            "/rapporter/dobbelttilbud/ikke-dobbelt", data={"a": 1, "b": 2, "kommentar": "x"}
        ).status_code
        == 403
    )
    auth.logout()
    editor = make_user("editor", unit="Klubberne")
    auth.login(editor)
    assert client.get("/rapporter/dobbelttilbud").status_code == 200
    a, b = demo_catalogue["dm-o010"], demo_catalogue["dm-o040"]
    client.post(
        "/rapporter/dobbelttilbud/ikke-dobbelt",
        data={"a": a.id, "b": b.id, "kommentar": "Jobguiden er kun i klubben."},
    )
    assert session.scalars(sa.select(NotDoubleMark)).one().user_id == editor.id
    assert client.get("/rapporter/ledelsesinformation").status_code == 403


def test_a_mark_needs_a_comment_and_is_kept_only_once(
    client, auth, leader, demo_catalogue, session
):
    auth.login(leader)
    a, b = demo_catalogue["dm-o010"], demo_catalogue["dm-o040"]
    client.post(
        "/rapporter/dobbelttilbud/ikke-dobbelt", data={"a": a.id, "b": b.id, "kommentar": "  "}
    )
    page = client.get("/rapporter/dobbelttilbud").get_data(as_text=True)
    assert "Skriv kort, hvorfor de to tilbud ikke er det samme." in page
    assert session.scalars(sa.select(NotDoubleMark)).all() == []
    for _ in range(2):
        client.post(
            "/rapporter/dobbelttilbud/ikke-dobbelt",
            data={"a": a.id, "b": b.id, "kommentar": "Forskellige målgrupper."},
        )
    assert "Parret er allerede markeret." in client.get("/rapporter/dobbelttilbud").get_data(
        as_text=True
    )
    assert len(session.scalars(sa.select(NotDoubleMark)).all()) == 1


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get("/rapporter/dobbelttilbud")
    assert response.status_code == 302 and "/log-ind" in response.headers["Location"]


def test_the_front_page_tells_leaders_and_editors_how_many_groups_were_found(
    client, auth, leader, make_user, demo_catalogue
):
    auth.login(leader)
    client.get("/rapporter/dobbelttilbud")
    run_pending()
    page = client.get("/").get_data(as_text=True)
    groups = len(groups_on(client.get("/rapporter/dobbelttilbud").get_data(as_text=True)))
    assert f"{groups} grupper af tilbud ligner hinanden" in page
    auth.logout()
    auth.login(make_user("coordinator"))
    assert "Se dobbelttilbuddene" not in client.get("/").get_data(as_text=True)
