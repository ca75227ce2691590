"""The learning-from-moderators simulation (benchmarks/learning_curve.py): its split and table."""

from majlis.screening.training.data import Row


def rows(n, lang="en"):
    return [Row(f"comment number {i}", lang, "site", "", {"offensive": i % 3 == 0})
            for i in range(n)]


def test_site_split_is_disjoint_stable_and_keeps_a_third_for_evaluation(benchmark_module):
    lc = benchmark_module("learning_curve")
    stream, evaluation = lc.site_split(rows(1000))
    assert not {r.text for r in stream} & {r.text for r in evaluation}
    assert len(stream) + len(evaluation) == 1000
    assert 250 < len(evaluation) < 350
    again, _ = lc.site_split(rows(1000))
    assert [r.text for r in again] == [r.text for r in stream]


def test_unlabelled_rows_are_neither_decided_nor_measured(benchmark_module):
    lc = benchmark_module("learning_curve")
    data = rows(10) + [Row("no label", "en", "site", "", {"promotion": 0})]
    stream, evaluation = lc.site_split(data)
    assert "no label" not in {r.text for r in stream + evaluation}


def test_alt_profanity_check_is_not_run_on_a_site_in_another_language(benchmark_module):
    lc = benchmark_module("learning_curve")
    assert lc.apc_auc(rows(10, lang="fa")) is None


def test_table_has_the_baseline_only_where_it_was_measured(benchmark_module):
    lc = benchmark_module("learning_curve")
    results = [
        {"site": "olid", "lang": "en", "decisions": k, "eval_rows": 3, "roc_auc": 0.7 + k / 10000,
         "apc_roc_auc": 0.791} for k in (0, 500)
    ] + [
        {"site": "pars-off-fa", "lang": "fa", "decisions": k, "eval_rows": 3, "roc_auc": 0.8,
         "apc_roc_auc": None} for k in (0, 500)
    ]
    table = lc.markdown(results).splitlines()
    assert table[0].endswith("| alt-profanity-check |")
    assert table[2] == "| olid | en | 3 | 0.700 | 0.750 | 0.791 |"
    assert table[3] == "| pars-off-fa | fa | 3 | 0.800 | 0.800 | - |"
