"""Server-side charts: SVG for the PDFs, PNG for Word, with Cyrillic labels and missing values."""

from reports import charts


def test_kpi_chart_svg_and_png():
    svg = charts.kpi_chart(
        ["Доля обучающихся в программе", "Охват обучающихся с ОВЗ"],
        [42.5, None],
        [40, 100],
        value_label="Значение",
        target_label="Цель",
    )
    assert svg.lstrip().startswith(b"<?xml") and b"<svg" in svg
    png = charts.kpi_chart(
        ["Публикации"], [7], [None], value_label="Значение", target_label="Цель", fmt="png"
    )
    assert png.startswith(b"\x89PNG")


def test_before_after_and_distribution_charts():
    png = charts.before_after_chart(
        ["Уверенность"], [5.0], [7.5], before_label="До", after_label="После", fmt="png"
    )
    assert png.startswith(b"\x89PNG")
    svg = charts.distribution_chart([str(n) for n in range(1, 11)], [0, 0, 1, 0, 2, 3, 5, 4, 2, 1])
    assert b"<svg" in svg
