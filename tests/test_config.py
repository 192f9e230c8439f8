"""site.yaml mistakes: every one reported in one run, with file, line, key and a fix."""
from __future__ import annotations

import pytest

from conftest import build_quietly, parse_html
from generator.config.site import ConfigError, load_config


def write_config(root, text):
    (root / "site.yaml").write_text(text, encoding="utf-8")


def problems_of(root) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load_config(root)
    return [str(p) for p in caught.value.problems]


def test_unknown_key_names_its_line_and_suggests_the_nearest_key(tmp_path):
    write_config(tmp_path, 'title: "x"\nlocal: ar_IQ\n')
    (problem,) = problems_of(tmp_path)
    assert problem.startswith("site.yaml:2:") and "'local'" in problem and "did you mean 'locale'?" in problem


def test_every_mistake_is_reported_together(tmp_path):
    write_config(tmp_path, 'title: 5\nwords_per_minute: "fast"\nevent:\n  dat: 2021-07-26\nui:\n  nav_hom: x\n')
    problems = problems_of(tmp_path)
    assert len(problems) == 4
    assert any("site.yaml:1:" in p and "'title' should be text" in p for p in problems)
    assert any("site.yaml:2:" in p and "words_per_minute" in p for p in problems)
    assert any("site.yaml:4:" in p and "event.dat" in p and "'date'" in p for p in problems)
    assert any("site.yaml:6:" in p and "ui.nav_hom" in p and "'nav_home'" in p for p in problems)


def test_yaml_syntax_error_names_the_line(tmp_path):
    write_config(tmp_path, 'title: "x"\nevent:\n  name: [unclosed\n')
    (problem,) = problems_of(tmp_path)
    assert problem.startswith("site.yaml:") and "YAML syntax error" in problem


def test_python_tags_are_refused_not_executed(tmp_path):
    write_config(tmp_path, 'title: !!python/object/apply:os.system ["echo pwned"]\n')
    (problem,) = problems_of(tmp_path)
    assert "YAML syntax error" in problem


@pytest.mark.parametrize("output", [".", "seeds", "content", "templates", "..", "/tmp/x", "seeds/site", "templates/out"])
def test_output_folder_that_would_replace_user_files_is_refused(tmp_path, output):
    write_config(tmp_path, f'title: "x"\noutput: "{output}"\n')
    (problem,) = problems_of(tmp_path)
    assert "'output'" in problem and "site.yaml:2:" in problem


def test_missing_title_is_reported(tmp_path):
    write_config(tmp_path, "locale: ar\n")
    (problem,) = problems_of(tmp_path)
    assert "missing required key 'title'" in problem


def test_egyptian_locale_and_ui_override_change_the_built_pages(project):
    text = (project / "site.yaml").read_text(encoding="utf-8").replace("locale: ar_IQ", "locale: ar_EG")
    write_config(project, text + 'ui:\n  nav_home: "البداية"\n')
    assert build_quietly(project) == 0
    soup = parse_html(project / "output" / "index.html")
    assert "26 يوليو 2021" in soup.select_one("dl.facts").get_text()
    assert soup.select_one(".site-nav a").get_text() == "البداية"


def test_bad_config_builds_nothing_and_says_why(project, capsys):
    write_config(project, 'title: "x"\nlocale: xx_YY\n')
    assert build_quietly(project) == 1
    err = capsys.readouterr().err
    assert "site.yaml:2:" in err and "unknown locale" in err
    assert not (project / "output").exists()


def test_topic_and_earlier_event_mistakes_name_their_lines(tmp_path):
    write_config(tmp_path, 'title: "x"\nevent:\n  context:\n    - {name: "زيارة", date: "August 2020"}\n'
                           'topics:\n  - {id: aid, label: "مساعدات", keywords: [مساعدات]}\n'
                           '  - {id: aid, label: "أخرى", keywords: [أخرى]}\n  - "الطاقة"\n')
    problems = problems_of(tmp_path)
    assert any("site.yaml:4:" in p and "event.context[0].date" in p and "YYYY-MM" in p for p in problems)
    assert any("site.yaml:7:" in p and "'aid' is used twice" in p for p in problems)
    assert any("site.yaml:8:" in p and "topics[2] should be a mapping" in p for p in problems)
