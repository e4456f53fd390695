//! The HTML report for editors: one self-contained page with progress
//! per language, postings sortable by staleness, and each stale segment's
//! source change beside its current translation.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::exchange::State;
use crate::export::state_of;
use crate::i18n::Messages;
use crate::ops::postings::{PostingStates, posting_states};
use crate::project::Project;
use crate::store::{StoreError, Tx, UnitRow};
use crate::worddiff::{self, Op};

/// Counts of one language, or one posting in one language.
#[derive(Default, Clone, Copy)]
struct Counts {
    total: u64,
    translated: u64,
    machine: u64,
    stale: u64,
    missing: u64,
}

impl Counts {
    fn add(&mut self, state: State) {
        self.total += 1;
        match state {
            State::Missing => self.missing += 1,
            State::Stale => self.stale += 1,
            State::Machine => self.machine += 1,
            _ => self.translated += 1,
        }
    }
}

/// The rows the report shows, per language.
pub fn gather(
    tx: &Tx<'_>,
    project: &Project,
    languages: &[String],
) -> Result<Vec<LanguageRows>, StoreError> {
    let mut rows = Vec::new();
    for lang in languages {
        rows.push(LanguageRows {
            lang: lang.clone(),
            rows: tx.unit_rows(lang)?,
            moved: tx.localized_paths_by_source(lang)?,
            postings: posting_states(tx, project, lang)?,
        });
    }
    Ok(rows)
}

/// What the report shows of one language.
pub struct LanguageRows {
    pub lang: String,
    pub rows: Vec<UnitRow>,
    /// The localized paths adopt found elsewhere, by source path.
    pub moved: HashMap<String, String>,
    /// How the last build left the localized postings.
    pub postings: PostingStates,
}

/// The page, in the UI language of `messages` (its `lang` too).
pub fn page(project: &Project, languages: &[LanguageRows], messages: &Messages) -> String {
    let mut out = String::new();
    let title = escape(&crate::tr!(messages, "report-title"));
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <h1>{title}</h1>\n<p class=\"meta\">{}</p>\n",
        messages.lang(),
        escape(&crate::tr!(
            messages,
            "report-source-language",
            lang = project.config.source_language.as_str()
        ))
    );
    for LanguageRows {
        lang,
        rows,
        moved,
        postings,
    } in languages
    {
        let mut total = Counts::default();
        let mut documents: Vec<(String, Counts)> = Vec::new();
        for row in rows {
            let state = state_of(row);
            total.add(state);
            if documents.last().is_none_or(|(path, _)| *path != row.path) {
                documents.push((row.path.clone(), Counts::default()));
            }
            documents.last_mut().expect("pushed").1.add(state);
        }
        let _ = write!(
            out,
            "<section class=\"lang\" id=\"lang-{0}\">\n<h2>{0}</h2>\n",
            escape(lang)
        );
        bar(&mut out, &total, messages);
        postings_summary(&mut out, postings, messages);
        documents_table(&mut out, lang, &documents, messages);
        stale_list(&mut out, project, (lang, rows, moved), messages);
        out.push_str("</section>\n");
    }
    let _ = write!(out, "<script>{SCRIPT}</script>\n</body>\n</html>\n");
    out
}

/// How many postings build manages, and the ones in conflict (their own
/// edits collide with the source's changes: build leaves them as they are).
fn postings_summary(out: &mut String, postings: &PostingStates, messages: &Messages) {
    let counts = &postings.counts;
    let summary = crate::tr!(
        messages,
        "report-postings",
        managed = counts.managed(),
        percent = counts.managed_percent(),
        merged = counts.merged,
        conflict = counts.conflict,
        unmanaged = counts.unmanaged
    );
    let _ = writeln!(out, "<p class=\"postings\">{}</p>", escape(&summary));
    if postings.conflicts.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<h3>{}</h3>\n<p class=\"meta\">{}</p>\n<ul class=\"conflicts\">",
        escape(&crate::tr!(messages, "report-conflicts")),
        escape(&crate::tr!(messages, "report-conflicts-meta"))
    );
    for conflict in &postings.conflicts {
        let _ = writeln!(
            out,
            "<li><code>{}</code>, {}</li>",
            escape(&conflict.path),
            escape(&crate::tr!(messages, "report-line", line = conflict.line))
        );
    }
    out.push_str("</ul>\n");
}

/// A stacked progress bar with its legend.
fn bar(out: &mut String, counts: &Counts, messages: &Messages) {
    let share = |n: u64| {
        if counts.total == 0 {
            0.0
        } else {
            n as f64 * 100.0 / counts.total as f64
        }
    };
    let parts = [
        (
            "translated",
            counts.translated,
            crate::tr!(messages, "report-translated"),
        ),
        (
            "machine",
            counts.machine,
            crate::tr!(messages, "report-machine"),
        ),
        ("stale", counts.stale, crate::tr!(messages, "report-stale")),
        (
            "missing",
            counts.missing,
            crate::tr!(messages, "report-missing"),
        ),
    ];
    let _ = write!(
        out,
        "<div class=\"bar\" role=\"img\" aria-label=\"{}\">",
        escape(&crate::tr!(messages, "report-progress"))
    );
    for (class, n, name) in &parts {
        if *n > 0 {
            let _ = write!(
                out,
                "<span class=\"{class}\" style=\"width:{:.2}%\" title=\"{}: {n}\"></span>",
                share(*n),
                escape(name)
            );
        }
    }
    out.push_str("</div>\n<p class=\"legend\">");
    for (class, n, name) in &parts {
        let _ = write!(
            out,
            "<span class=\"item\"><span class=\"key {class}\"></span>{} {n}</span> ",
            escape(name)
        );
    }
    let total = crate::tr!(messages, "report-total", total = counts.total);
    let _ = writeln!(out, "· {}</p>", escape(&total));
}

fn documents_table(
    out: &mut String,
    lang: &str,
    documents: &[(String, Counts)],
    messages: &Messages,
) {
    let head = |id: &str| escape(&messages.get(id, &[]));
    let _ = writeln!(
        out,
        "<table class=\"docs sortable\" id=\"docs-{}\">\n<thead><tr>\
         <th data-type=\"text\">{}</th><th data-type=\"number\">{}</th>\
         <th data-type=\"number\">{}</th><th data-type=\"number\">{}</th>\
         <th data-type=\"number\">{}</th><th data-type=\"number\">{}</th></tr></thead>\n<tbody>",
        escape(lang),
        head(crate::msg_id!("report-posting")),
        head(crate::msg_id!("report-column-stale")),
        head(crate::msg_id!("report-column-missing")),
        head(crate::msg_id!("report-column-machine")),
        head(crate::msg_id!("report-column-translated")),
        head(crate::msg_id!("report-column-total")),
    );
    let mut sorted: Vec<&(String, Counts)> = documents.iter().collect();
    sorted.sort_by(|a, b| b.1.stale.cmp(&a.1.stale).then_with(|| a.0.cmp(&b.0)));
    for (path, c) in sorted {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(path),
            c.stale,
            c.missing,
            c.machine,
            c.translated,
            c.total
        );
    }
    out.push_str("</tbody></table>\n");
}

/// Each stale segment: the word diff of its source beside its translation.
fn stale_list(
    out: &mut String,
    project: &Project,
    (lang, rows, moved): (&str, &[UnitRow], &HashMap<String, String>),
    messages: &Messages,
) {
    let stale: Vec<&UnitRow> = rows
        .iter()
        .filter(|r| state_of(r) == State::Stale)
        .collect();
    if stale.is_empty() {
        let none = crate::tr!(messages, "report-no-stale");
        let _ = writeln!(out, "<p class=\"none\">{}</p>", escape(&none));
        return;
    }
    let heading = crate::tr!(messages, "report-stale-heading", count = stale.len());
    let _ = writeln!(out, "<h3>{}</h3>", escape(&heading));
    let source_change = escape(&crate::tr!(messages, "report-source-change"));
    let current = escape(&crate::tr!(messages, "report-current-translation"));
    for row in stale {
        let translation = row.translation.as_ref().expect("stale rows have one");
        let old = translation.previous_source.as_deref().unwrap_or("");
        let localized = project.localized_display_in(&row.path, lang, moved);
        let _ = write!(
            out,
            "<div class=\"segment\"><p class=\"where\">{} <code>{}</code>, {} → {}</p>\
             <div class=\"pair\"><div class=\"diff\"><h4>{source_change}</h4><p>",
            escape(&row.path),
            escape(&row.key),
            escape(&crate::tr!(messages, "report-line", line = row.line)),
            escape(&localized)
        );
        for run in worddiff::diff(old, &row.source) {
            let text = escape(&run.text);
            let _ = match run.op {
                Op::Equal => write!(out, "{text}"),
                Op::Delete => write!(out, "<del>{text}</del>"),
                Op::Insert => write!(out, "<ins>{text}</ins>"),
            };
        }
        let _ = writeln!(
            out,
            "</p></div><div class=\"translation\"><h4>{current}</h4><p>{}</p></div></div></div>",
            escape(&translation.text)
        );
    }
}

/// Text for HTML and XML content and attribute values.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

const STYLE: &str = "
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:70rem;padding:1rem;color:#222}
h1{font-size:1.5rem}.meta{color:#666}
section.lang{margin:2rem 0;border-top:1px solid #ddd}
.bar{display:flex;height:1.2rem;border-radius:.3rem;overflow:hidden;background:#eee}
.bar span{display:block;height:100%}
.translated{background:#2e7d32}.machine{background:#1565c0}.stale{background:#ef6c00}.missing{background:#c62828}
.legend .key{display:inline-block;width:.8rem;height:.8rem;margin:0 .2rem 0 .6rem;border-radius:.2rem}
table{border-collapse:collapse;width:100%;margin:1rem 0}
th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eee;overflow-wrap:anywhere}
th{cursor:pointer;user-select:none;background:#fafafa;white-space:nowrap;overflow-wrap:normal}
.legend .item{white-space:nowrap}td:not(:first-child),th:not(:first-child){text-align:right}
.segment{margin:1rem 0;padding:.5rem;border:1px solid #eee;border-radius:.3rem}
.where{margin:0;color:#555;font-size:.9rem;overflow-wrap:anywhere}
.pair{display:flex;gap:1rem;flex-wrap:wrap}.pair>div{flex:1 1 20rem;min-width:0}
h4{margin:.5rem 0 .2rem;font-size:.85rem;color:#666}
del{background:#ffebee;color:#b71c1c}ins{background:#e8f5e9;color:#1b5e20;text-decoration:none}
@media (max-width:40rem){td:nth-child(n+4),th:nth-child(n+4){display:none}}
";

/// Click a header to sort its table (numbers high to low first).
const SCRIPT: &str = "
document.querySelectorAll('table.sortable').forEach(function(t){
  t.querySelectorAll('th').forEach(function(th,i){
    var down=true;
    th.addEventListener('click',function(){
      var num=th.dataset.type==='number';
      var rows=Array.from(t.tBodies[0].rows);
      rows.sort(function(a,b){
        var x=a.cells[i].textContent,y=b.cells[i].textContent;
        var c=num?(Number(y)-Number(x)):x.localeCompare(y);
        return down?c:-c;});
      down=!down;
      rows.forEach(function(r){t.tBodies[0].appendChild(r);});
    });
  });
});
";
