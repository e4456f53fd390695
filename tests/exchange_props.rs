//! Every format gives back what it was given: generated units with text
//! full of what formats must escape (markup characters, quotes,
//! backslashes, placeholder tags, balanced or not, line breaks, tabs,
//! non-ASCII), written and read again.

use proptest::prelude::*;
use tolkar::exchange::{self, Export, ExportUnit, Format, Markup, State, Suggestion};

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-ZåäöÅÄÖ0-9 ]{1,8}",
        Just("<1>".to_string()),
        Just("</1>".to_string()),
        Just("<2/>".to_string()),
        Just("<3>x</3>".to_string()),
        Just("&amp; & < > \" ' \\".to_string()),
        Just("\n".to_string()),
        Just("\t".to_string()),
        Just("]]> <!-- --> <?x?>".to_string()),
        Just("msgid \"x\" #| %s {0}".to_string()),
        Just("😀 \u{200b} €".to_string()),
        Just(",;\"\"".to_string()),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 1..8).prop_map(|pieces| pieces.concat())
}

fn state() -> impl Strategy<Value = State> {
    prop::sample::select(State::ALL.to_vec())
}

fn unit() -> impl Strategy<Value = ExportUnit> {
    (
        "[a-z]{1,6}",
        "(fm:[a-z_]{1,5}|body:p\\[[1-9]\\]|sc:note\\[1\\]\\.0)",
        text(),
        text(),
        state(),
        text(),
        1usize..500,
    )
        .prop_map(|(name, key, source, target, state, previous, line)| {
            let target = (state != State::Missing).then_some(target);
            ExportUnit {
                path: format!("content/sv/{name}.md"),
                key,
                kind: "paragraph".into(),
                line,
                previous_source: (state == State::Stale).then_some(previous.clone()),
                origin: target.as_ref().map(|_| "import:x.po".into()),
                markup: vec![Markup {
                    id: 1,
                    open: "[".into(),
                    close: Some("](https://example.com/?a=<1>&b)".into()),
                }],
                suggestions: vec![Suggestion {
                    source: previous,
                    target: "förslag".into(),
                    score: 80.0,
                    origin: "content/sv/a.md#body:p[1]".into(),
                }],
                source,
                target,
                state,
            }
        })
}

fn export() -> impl Strategy<Value = Export> {
    prop::collection::vec(unit(), 1..6).prop_map(|mut units| {
        // Ids are unique in an export, and units are grouped by path.
        units.sort_by(|a, b| (&a.path, &a.key).cmp(&(&b.path, &b.key)));
        units.dedup_by(|a, b| a.path == b.path && a.key == b.key);
        Export {
            source_lang: "sv".into(),
            target_lang: "nb".into(),
            units,
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn every_format_reads_back_what_it_wrote(export in export()) {
        for format in Format::ALL {
            let written = exchange::write(format, &export);
            let read = exchange::read(format, &written)
                .unwrap_or_else(|e| panic!("{format}: {e}\n{written}"));
            prop_assert_eq!(read.units.len(), export.units.len(), "{}", format);
            prop_assert_eq!(read.target_lang.as_deref(), Some("nb"), "{}", format);
            for (unit, back) in export.units.iter().zip(&read.units) {
                prop_assert_eq!(&back.id, &unit.id(), "{}", format);
                prop_assert_eq!(back.source.as_deref(), Some(unit.source.as_str()), "{}", format);
                let target = back.target.as_deref().filter(|t| !t.is_empty());
                prop_assert_eq!(target, unit.target.as_deref(), "{}\n{}", format, written);
                if unit.target.is_some() {
                    prop_assert_eq!(
                        back.state,
                        Some(exchange::read_back(format, unit.state)),
                        "{}",
                        format
                    );
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Export writes a large file piece by piece, as its units are made;
    /// where the pieces are cut (even inside a document) never shows in
    /// the file.
    #[test]
    fn a_file_written_in_pieces_is_the_file_written_at_once(
        export in export(),
        cuts in prop::collection::vec(0usize..6, 0..4),
    ) {
        let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(export.units.len())).collect();
        cuts.sort_unstable();
        for format in Format::ALL {
            let mut writer = exchange::Writer::new(format, &export.source_lang, &export.target_lang);
            let mut pieces = String::new();
            writer.head(&mut pieces);
            let mut from = 0;
            for &to in cuts.iter().chain([&export.units.len()]) {
                writer.units(&mut pieces, &export.units[from..to]);
                from = to;
            }
            writer.tail(&mut pieces);
            prop_assert_eq!(&pieces, &exchange::write(format, &export), "{}", format);
        }
    }
}

/// An export with no unit is still a file every reader takes.
#[test]
fn an_empty_export_reads_back_empty() {
    let export = Export {
        source_lang: "sv".into(),
        target_lang: "nb".into(),
        units: Vec::new(),
    };
    for format in Format::ALL {
        let written = exchange::write(format, &export);
        let read =
            exchange::read(format, &written).unwrap_or_else(|e| panic!("{format}: {e}\n{written}"));
        assert!(read.units.is_empty(), "{format}");
    }
}
