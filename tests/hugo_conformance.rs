//! Hugo parity: what Hugo's page parser accepts, tolkar reads the same way;
//! what it refuses, tolkar refuses at the same place.
//!
//! Each case restates a case of Hugo's own tests (gohugoio/hugo,
//! `parser/pageparser/pageparser_shortcode_test.go`,
//! `parser/pageparser/pageparser_intro_test.go`,
//! `parser/pageparser/pagelexer_intro_test.go`, `hugolib/shortcode_test.go`)
//! or a Hugo issue, named in its first field. The inputs and outcomes are
//! Hugo's; the tests are ours. Error places are where Hugo reports them
//! (its lexer reports the start of the part it was reading). Cases that
//! depend on a site's templates (whether a shortcode takes inner content,
//! whether a template exists) are left out: a posting alone cannot say.

use tolkar::posting::error::ShortcodeProblem;
use tolkar::posting::shortcode::{Lexed, TagKind, lex};
use tolkar::posting::{PostingError, Rules, parse};

/// What reading a body gives: the shortcodes in order, each as `name
/// params… | paired`, and `comment` for each comment; or a problem with
/// its line and column.
enum Expect {
    Ok(&'static [&'static str]),
    Err(&'static str, usize, usize),
}

use Expect::{Err, Ok};

fn describe(lexed: &Lexed) -> Vec<String> {
    let mut out = Vec::new();
    let mut next_comment = 0;
    for shortcode in &lexed.shortcodes {
        // Comments before this shortcode, in source order.
        while let Some(i) = lexed.tags[next_comment..shortcode.open]
            .iter()
            .position(|t| t.kind == TagKind::Comment)
        {
            out.push("comment".to_string());
            next_comment += i + 1;
        }
        next_comment = next_comment.max(shortcode.open + 1);
        let tag = &lexed.tags[shortcode.open];
        let mut text = tag.name.clone();
        for param in &tag.params {
            text.push(' ');
            if let Some(name) = &param.name {
                text.push_str(name);
                text.push('=');
            }
            text.push_str(&param.value);
        }
        if shortcode.close.is_some() {
            text.push_str(" | paired");
        }
        out.push(text);
    }
    out.extend(
        lexed.tags[next_comment.min(lexed.tags.len())..]
            .iter()
            .filter(|t| t.kind == TagKind::Comment)
            .map(|_| "comment".to_string()),
    );
    out
}

fn problem_name(problem: &ShortcodeProblem) -> String {
    let debug = format!("{problem:?}");
    debug
        .split([' ', '{', '('])
        .next()
        .unwrap_or_default()
        .to_string()
}

#[track_caller]
fn check_body(source: &str, input: &str, expect: &Expect) {
    let got = lex(input, 0, input);
    match (expect, got) {
        (Ok(expected), Result::Ok(lexed)) => {
            assert_eq!(describe(&lexed), *expected, "{source}: {input:?}");
        }
        (Err(kind, line, column), Result::Err(err)) => {
            let PostingError::Shortcode { at, problem } = &err else {
                panic!("{source}: {input:?}: {err}");
            };
            assert_eq!(
                (problem_name(problem).as_str(), at.line, at.column),
                (*kind, *line, *column),
                "{source}: {input:?}: {err}"
            );
        }
        (Ok(_), Result::Err(err)) => panic!("{source}: {input:?} is refused: {err}"),
        (Err(..), Result::Ok(lexed)) => {
            panic!("{source}: {input:?} is read: {:?}", describe(&lexed))
        }
    }
}

const SC: &str = "pageparser_shortcode_test.go";

#[test]
fn shortcode_lexer_cases_of_hugo() {
    let cases: &[(&str, &str, &str, Expect)] = &[
        (SC, "empty", "", Ok(&[])),
        (SC, "spaces", " \t\n", Ok(&[])),
        (SC, "text", "to be or not", Ok(&[])),
        (SC, "no markup", "{{< sc1 >}}", Ok(&["sc1"])),
        (SC, "with EOL", "{{< sc1 \n >}}", Ok(&["sc1"])),
        (
            SC,
            "forward slash inside name",
            "{{< sc/sub >}}",
            Ok(&["sc/sub"]),
        ),
        (SC, "simple with markup", "{{% sc1 %}}", Ok(&["sc1"])),
        (SC, "with spaces", "{{<     sc1     >}}", Ok(&["sc1"])),
        (
            SC,
            "indented on new line",
            "Hello\n    {{% sc1 %}}",
            Ok(&["sc1"]),
        ),
        (
            SC,
            "indented on new line tab",
            "Hello\n\t{{% sc1 %}}",
            Ok(&["sc1"]),
        ),
        (
            SC,
            "indented on first line",
            "    {{% sc1 %}}",
            Ok(&["sc1"]),
        ),
        (
            SC,
            "mismatched rightDelim",
            "{{< sc1 %}}",
            Err("UnexpectedChar", 1, 9),
        ),
        (
            SC,
            "inner, markup",
            "{{% sc1 %}} inner {{% /sc1 %}}",
            Ok(&["sc1 | paired"]),
        ),
        (
            SC,
            "close, but no open",
            "{{< /sc1 >}}",
            Err("CloseWithoutOpen", 1, 5),
        ),
        (
            SC,
            "close wrong",
            "{{< sc1 >}}{{< /another >}}",
            Err("CloseNameUnknown", 1, 17),
        ),
        (
            SC,
            "close, but no open, more",
            "{{< sc1 >}}{{< /sc1 >}}{{< /another >}}",
            Err("CloseNameUnknown", 1, 29),
        ),
        (
            SC,
            "close with extra keyword",
            "{{< sc1 >}}{{< /sc1 keyword>}}",
            Err("CloseNotAlone", 1, 21),
        ),
        (
            SC,
            "float param, positional",
            "{{< sc1 3.14 >}}",
            Ok(&["sc1 3.14"]),
        ),
        (
            SC,
            "float param, named",
            "{{< sc1 param1=3.14 >}}",
            Ok(&["sc1 param1=3.14"]),
        ),
        (
            SC,
            "named param, raw string",
            "{{< sc1 param1=`Hello World` >}}",
            Ok(&["sc1 param1=Hello World"]),
        ),
        (
            SC,
            "float param, named, space before",
            "{{< sc1 param1= 3.14 >}}",
            Ok(&["sc1 param1=3.14"]),
        ),
        (
            SC,
            "Youtube id",
            "{{< sc1 -ziL-Q_456igdO-4 >}}",
            Ok(&["sc1 -ziL-Q_456igdO-4"]),
        ),
        (
            SC,
            "non-alphanumerics param quoted",
            "{{< sc1 \"-ziL-.%QigdO-4\" >}}",
            Ok(&["sc1 -ziL-.%QigdO-4"]),
        ),
        (
            SC,
            "raw string",
            "{{< sc1`Hello World` >}}",
            Ok(&["sc1 Hello World"]),
        ),
        (
            SC,
            "raw string with newline",
            "{{< sc1`Hello \n\tWorld` >}}",
            Ok(&["sc1 Hello \n\tWorld"]),
        ),
        (
            SC,
            "raw string with escape character",
            "{{< sc1`Hello \\b World` >}}",
            Ok(&["sc1 Hello \\b World"]),
        ),
        (
            SC,
            "two params",
            "{{< sc1 param1   param2 >}}",
            Ok(&["sc1 param1 param2"]),
        ),
        (SC, "self-closing", "{{< sc1 />}}", Ok(&["sc1"])),
        (
            SC,
            "multiple self-closing",
            "{{< sc1 />}}{{< sc1 />}}",
            Ok(&["sc1", "sc1"]),
        ),
        (
            SC,
            "self-closing with param",
            "{{< sc1 param1 />}}",
            Ok(&["sc1 param1"]),
        ),
        (
            SC,
            "multiple different self-closing with param",
            "{{< sc1 param1 />}}{{< sc2 param1 />}}",
            Ok(&["sc1 param1", "sc2 param1"]),
        ),
        (
            SC,
            "nested simple",
            "{{< sc1 >}}{{< sc2 >}}{{< /sc1 >}}",
            Ok(&["sc1 | paired", "sc2"]),
        ),
        (
            SC,
            "nested complex",
            "{{< sc1 >}}ab{{% sc2 param1 %}}cd{{< sc3 >}}ef{{< /sc3 >}}gh{{% /sc2 %}}ij{{< /sc1 >}}kl",
            Ok(&["sc1 | paired", "sc2 param1 | paired", "sc3 | paired"]),
        ),
        (
            SC,
            "two quoted params",
            "{{< sc1 \"param nr. 1\" \"param nr. 2\" >}}",
            Ok(&["sc1 param nr. 1 param nr. 2"]),
        ),
        (
            SC,
            "two named params",
            "{{< sc1 param1=\"Hello World\" param2=\"p2Val\">}}",
            Ok(&["sc1 param1=Hello World param2=p2Val"]),
        ),
        (
            SC,
            "escaped quotes",
            "{{< sc1 param1=\\\"Hello World\\\"  >}}",
            Ok(&["sc1 param1=Hello World"]),
        ),
        (
            SC,
            "escaped quotes, positional param",
            "{{< sc1 \\\"param1\\\"  >}}",
            Ok(&["sc1 param1"]),
        ),
        (
            SC,
            "escaped quotes inside escaped quotes",
            "{{< sc1 param1=\\\"Hello \\\"escaped\\\" World\\\"  >}}",
            Err("MixedParams", 1, 26),
        ),
        (
            SC,
            "escaped quotes inside nonescaped quotes",
            "{{< sc1 param1=\"Hello \\\"escaped\\\" World\"  >}}",
            Ok(&["sc1 param1=Hello \"escaped\" World"]),
        ),
        (
            SC,
            "escaped quotes inside nonescaped quotes in positional param",
            "{{< sc1 \"Hello \\\"escaped\\\" World\"  >}}",
            Ok(&["sc1 Hello \"escaped\" World"]),
        ),
        (
            SC,
            "escaped raw string, named param",
            "{{< sc1 param1=\\`Hello World\\` >}}",
            Err("BadEscape", 1, 16),
        ),
        (
            SC,
            "escaped raw string, positional param",
            "{{< sc1 param1 \\`Hello World\\` >}}",
            Err("BadEscape", 1, 17),
        ),
        (
            SC,
            "two raw string params",
            "{{< sc1`Hello World``Second Param` >}}",
            Ok(&["sc1 Hello World Second Param"]),
        ),
        (
            SC,
            "unterminated quote",
            "{{< sc1 param2=\"Hello World>}}",
            Err("UnterminatedQuote", 1, 17),
        ),
        (
            SC,
            "unterminated raw string",
            "{{< sc1`Hello World >}}",
            Err("UnterminatedRaw", 1, 9),
        ),
        (
            SC,
            "unterminated raw string in second argument",
            "{{< sc1`Hello World``Second Param >}}",
            Err("UnterminatedRaw", 1, 22),
        ),
        (
            SC,
            "one named param, one not",
            "{{< sc1 param1=\"Hello World\" p2 >}}",
            Err("MixedParams", 1, 30),
        ),
        (
            SC,
            "one named param, one quoted positional param, both raw strings",
            "{{< sc1 param1=`Hello World``Second Param` >}}",
            Err("MixedParams", 1, 29),
        ),
        (
            SC,
            "one named param, one quoted positional param",
            "{{< sc1 param1=\"Hello World\" \"And Universe\" >}}",
            Err("MixedParams", 1, 30),
        ),
        (
            SC,
            "one quoted positional param, one named param",
            "{{< sc1 \"param1\" param2=\"And Universe\" >}}",
            Err("MixedParams", 1, 18),
        ),
        (
            SC,
            "ono positional param, one not",
            "{{< sc1 param1 param2=\"Hello World\">}}",
            Err("MixedParams", 1, 16),
        ),
        (SC, "commented out", "{{</* sc1 */>}}", Ok(&["comment"])),
        (
            SC,
            "commented out, with asterisk inside",
            "{{</* sc1 \"**/*.pdf\" */>}}",
            Ok(&["comment"]),
        ),
        (
            SC,
            "commented out, missing close",
            "{{</* sc1 >}}",
            Err("CommentUnclosed", 1, 1),
        ),
        (
            SC,
            "commented out, misplaced close",
            "{{</* sc1 >}}*/",
            Err("CommentUnclosed", 1, 1),
        ),
        (
            SC,
            "basic inline",
            "{{< sc1.inline >}}Hello World{{< /sc1.inline >}}",
            Ok(&["sc1.inline | paired"]),
        ),
        (
            SC,
            "basic inline with space",
            "{{< sc1.inline >}}Hello World{{< / sc1.inline >}}",
            Ok(&["sc1.inline | paired"]),
        ),
        (
            SC,
            "inline self closing",
            "{{< sc1.inline >}}Hello World{{< /sc1.inline >}}Hello World{{< sc1.inline />}}",
            Ok(&["sc1.inline | paired", "sc1.inline"]),
        ),
        (
            SC,
            "inline self closing, then a new inline",
            "{{< sc1.inline >}}Hello World{{< /sc1.inline >}}Hello World{{< sc1.inline />}}{{< sc2.inline >}}Hello World{{< /sc2.inline >}}",
            Ok(&["sc1.inline | paired", "sc1.inline", "sc2.inline | paired"]),
        ),
        (
            SC,
            "inline with template syntax",
            "{{< sc1.inline >}}{{ .Get 0 }}{{ .Get 1 }}{{< /sc1.inline >}}",
            Ok(&["sc1.inline | paired"]),
        ),
        (
            SC,
            "inline with nested shortcode (not supported)",
            "{{< sc1.inline >}}Hello World{{< sc1 >}}{{< /sc1.inline >}}",
            Err("InlineNested", 1, 30),
        ),
        (
            SC,
            "inline case mismatch",
            "{{< sc1.Inline >}}Hello World{{< /sc1.Inline >}}",
            Err("PeriodInName", 1, 5),
        ),
    ];
    for (source, name, input, expect) in cases {
        check_body(&format!("{source}: {name}"), input, expect);
    }
}

const HS: &str = "hugolib/shortcode_test.go";

#[test]
fn shortcode_extraction_cases_of_hugo() {
    let cases: &[(&str, &str, &str, Expect)] = &[
        (
            HS,
            "TestExtractShortcodes: outer shortcode markup",
            "{{% inner %}}{{< tag >}}{{% /inner %}}",
            Ok(&["inner | paired", "tag"]),
        ),
        (
            HS,
            "TestExtractShortcodes: two pos params",
            "{{< tag param1 param2>}}",
            Ok(&["tag param1 param2"]),
        ),
        (
            HS,
            "TestExtractShortcodes: inner",
            "{{< inner >}}Inner Content{{< / inner >}}",
            Ok(&["inner | paired"]),
        ),
        (
            HS,
            "TestExtractShortcodes: nested, nested inner",
            "{{< inner >}}inner2->{{% inner2 param1 %}}inner2txt->inner3{{< inner3>}}inner3txt{{</ inner3 >}}{{% /inner2 %}}final close->{{< / inner >}}",
            Ok(&[
                "inner | paired",
                "inner2 param1 | paired",
                "inner3 | paired",
            ]),
        ),
        (
            HS,
            "TestExtractShortcodes: closed without content",
            "{{< inner param1 >}}{{< / inner >}}",
            Ok(&["inner param1 | paired"]),
        ),
        (
            HS,
            "TestNamedParamSC (old versions)",
            "{{% img src = \"one\" class = \"aspen grove\" %}}",
            Ok(&["img src=one class=aspen grove"]),
        ),
        (
            HS,
            "TestNamedParamSC (old versions)",
            "{{% img src =\"one\" %}}",
            Ok(&["img src=one"]),
        ),
        (
            HS,
            "TestPositionalParamSC (old versions)",
            "{{%   video   47238zzb    %}}",
            Ok(&["video 47238zzb"]),
        ),
        (
            HS,
            "TestPositionalParamSC (old versions)",
            "{{%video 47238zzb%}}",
            Ok(&["video 47238zzb"]),
        ),
        (
            HS,
            "TestInlineShortcodes",
            "INLINE IN INNER: {{< outer >}}{{< n2.inline >}}W2: {{ seq 4 }}{{< /n2.inline >}}{{< /outer >}}:END:",
            Ok(&["outer | paired", "n2.inline | paired"]),
        ),
        (
            HS,
            "TestInlineShortcodes",
            "REUSED INLINE IN INNER: {{< outer >}}{{< n1.inline \"3\" />}}{{< /outer >}}:END:",
            Ok(&["outer | paired", "n1.inline 3"]),
        ),
        (
            HS,
            "TestShortcodeParams",
            "types named: {{< hello b1=true b2=false i1=33 f1=3.14 >}}",
            Ok(&["hello b1=true b2=false i1=33 f1=3.14"]),
        ),
        (
            HS,
            "TestShortcodeParams",
            "escaped quoute: {{< hello \"hello \\\"world\\\".\" >}}",
            Ok(&["hello hello \"world\"."]),
        ),
        (
            HS,
            "TestShortcodeParamEscapedQuote (issue 10236)",
            "{{< figure src=\"/media/spf13.jpg\" title=\"Steve \\\"Francia\\\".\" >}}",
            Ok(&["figure src=/media/spf13.jpg title=Steve \"Francia\"."]),
        ),
        (
            HS,
            "TestShortcodeNamespaced (issue 5863)",
            "   hello: {{< hello >}}\n   test/hello: {{< test/hello >}}",
            Ok(&["hello", "test/hello"]),
        ),
        (
            HS,
            "TestShortcodeNoInner (issue 6857): a closing tag with nothing open",
            "{{< noinner >}}{{< /noinner >}}{{< /noinner >}}",
            Err("OrphanClose", 1, 32),
        ),
        (
            HS,
            "TestShortcodePreserveIndentation",
            "1. List 1\n    {{% mark1 %}}\n\t1. Item Mark1 1\n\t{{% mark2 %}}\n\t{{% /mark1 %}}",
            Ok(&["mark1 | paired", "mark2"]),
        ),
        (
            "pagelexer_shortcode.go: a closing tag ends the innermost open shortcode once its name was opened",
            "closing by another name",
            "{{% blocks/lead %}}a{{% /blocks/lead %}}\n{{% blocks/section color=\"dark\" %}}b{{% /blocks/lead %}}",
            Ok(&["blocks/lead | paired", "blocks/section color=dark | paired"]),
        ),
        (
            "pagelexer_shortcode.go: a comment runs to */ directly before the closing delimiter",
            "documenting the comment syntax",
            "```\n{{</*/* name */*/>}}\n```\n",
            Ok(&["comment"]),
        ),
        (
            "pagelexer_shortcode.go: a comment starts directly after the opening delimiter",
            "space before /*",
            "{{< a >}}\n{{< /* a */ >}}",
            Err("UnexpectedChar", 2, 6),
        ),
        (
            "pagelexer_shortcode.go: a quoted value ends on its line",
            "line break in quotes",
            "{{< a \"one\ntwo\" >}}",
            Err("UnterminatedQuote", 1, 8),
        ),
        (
            "pagelexer_shortcode.go: an empty tag has no name",
            "no name",
            "x {{< >}}",
            Err("NoName", 1, 3),
        ),
        (
            "shortcode.go extractShortcode: errors of the parser are placed at the outermost shortcode",
            "no name inside another shortcode",
            "x\n{{< a >}}{{< >}}{{< /a >}}",
            Err("NoName", 2, 1),
        ),
        (
            "shortcode.go extractShortcode: a value after any parameter is its value",
            "parameter mixing found by the parser",
            "{{< x a =\"1\" b >}}",
            Err("MixedParams", 1, 1),
        ),
        (
            "pagelexer.go sectionHandlers.lex: after {{ with no < or %, look again one byte on",
            "three braces",
            "{{{< note >}}}\nText\n{{< /note >}}",
            Ok(&["note | paired"]),
        ),
        (
            "pagelexer.go isAlphaNumeric: unicode.IsLetter, IsDigit; a combining mark is neither",
            "a Devanagari vowel sign in a bare value",
            "{{< x ते >}}",
            Err("UnexpectedChar", 1, 10),
        ),
        (
            "pagelexer.go isAlphaNumeric: a letter of any script",
            "a bare value in Swedish",
            "{{< x Ansök >}}",
            Ok(&["x Ansök"]),
        ),
        (
            "shortcode.go extractShortcode: a shortcode that takes content must be closed",
            "closed once, open later",
            "{{< a >}}x{{< /a >}} {{< a >}}",
            Err("NotClosed", 1, 22),
        ),
        (
            "shortcode.go extractShortcode: a quoted positional parameter followed by = is named",
            "quoted name",
            "{{< x \"k\"=\"v\" >}}",
            Ok(&["x k=v"]),
        ),
        (
            "shortcode.go extractShortcode: a value with no parameter before it is dropped",
            "stray value",
            "{{< x =1 >}}",
            Ok(&["x"]),
        ),
        (
            "pagelexer_shortcode.go lexInsideShortcode: a backslash is skipped",
            "backslash before the name",
            "{{< \\x >}}",
            Ok(&["x"]),
        ),
        (
            "shortcode.go extractShortcode: a closing tag needs no name",
            "anonymous closing tag",
            "{{< a >}}x{{< / >}}",
            Ok(&["a | paired"]),
        ),
    ];
    for (source, name, input, expect) in cases {
        check_body(&format!("{source}: {name}"), input, expect);
    }
}

/// What `parse` makes of a whole posting: read, or refused at a place.
fn posting_outcome(input: &str) -> Result<usize, (String, usize, usize)> {
    match parse(input.as_bytes(), &Rules::default()) {
        Result::Ok(doc) => Result::Ok(doc.segments.len()),
        Result::Err(err) => {
            let kind = format!("{err:?}");
            let kind = kind
                .split([' ', '{'])
                .next()
                .unwrap_or_default()
                .to_string();
            let at = err.location();
            Result::Err((kind, at.line, at.column))
        }
    }
}

#[test]
fn intro_cases_of_hugo() {
    // (source, input, Ok(number of segments) or Err(kind, line, column))
    type Outcome = Result<usize, (&'static str, usize, usize)>;
    let cases: &[(&str, &str, Outcome)] = &[
        ("pageparser_intro_test.go: empty", "", Result::Ok(0)),
        (
            "pageparser_intro_test.go: Byte order mark",
            "\u{feff}\nSome text.\n",
            Result::Ok(1),
        ),
        (
            "pageparser_intro_test.go: No front matter",
            "\nSome text.\n",
            Result::Ok(1),
        ),
        (
            "pageparser_intro_test.go: YAML front matter",
            "---\nfoo: \"bar\"\n---\n\nSome text.\n",
            Result::Ok(1),
        ),
        (
            "pageparser_intro_test.go: YAML empty front matter",
            "---\n---\n\nSome text.\n",
            Result::Ok(1),
        ),
        (
            "pageparser_intro_test.go: YAML commented out front matter",
            "<!--\n---\ntitle: \"bar\"\n---\n-->\nSome text.\n",
            Result::Ok(2),
        ),
        (
            "pageparser_intro_test.go: YAML commented out front matter, no end",
            "<!--\n---\nfoo: \"bar\"\n---\nSome text.\n",
            Result::Err(("HtmlCommentUnclosed", 1, 1)),
        ),
        (
            "pageparser_intro_test.go: YAML front matter CRLF",
            "---\r\ntitle: \"bar\"\r\n---\n\nSome text.\n",
            Result::Ok(2),
        ),
        (
            "pageparser_intro_test.go: TOML front matter",
            "+++\ntitle = \"bar\"\n+++\n\nSome text.\n",
            Result::Ok(2),
        ),
        (
            "pageparser_intro_test.go: JSON front matter",
            "{ \"a\": { \"b\": \"\\\"Hugo\\\"}\" } }\r\n\nSome text.\n",
            Result::Ok(1),
        ),
        (
            "pageparser_intro_test.go: Summary divider same line",
            "+++\nfoo = \"bar\"\n+++\n\nSome text.<!--more-->Some text.\n",
            Result::Ok(1),
        ),
        (
            "pageparser_intro_test.go: Summary and shortcode only",
            "+++\nfoo = \"bar\"\n+++\n{{< sc1 >}}\n<!--more-->\n{{< sc2 >}}",
            Result::Ok(0),
        ),
        (
            "pagelexer_intro_test.go: issue 13152, an ATX heading first",
            "# ATX Header Level 1\n",
            Result::Ok(1),
        ),
        (
            "pagelexer_intro.go: white space before the front matter",
            "\n  \n---\ntitle: Hej\n---\nText\n",
            Result::Ok(2),
        ),
        (
            "pagelexer_intro.go: the opening delimiter needs no line break",
            "---title: Hej\n---\nText\n",
            Result::Ok(2),
        ),
        (
            "pagelexer_intro.go: - opens YAML front matter",
            "- a list item\n",
            Result::Err(("FrontMatterDelimiter", 1, 1)),
        ),
        (
            "pagelexer_intro.go: + opens TOML front matter",
            "+ a list item\n",
            Result::Err(("FrontMatterDelimiter", 1, 1)),
        ),
        (
            "pagelexer_intro.go: EOF looking for the end delimiter",
            "---\ntitle: x\n\nText\n",
            Result::Err(("FrontMatterUnclosed", 2, 1)),
        ),
        (
            "Hugo issue 7176: a posting that starts with a shortcode",
            "{{< youtube KIRah9Niuss >}}\n## youtube shortcode above\n",
            Result::Err(("ShortcodeAtStart", 1, 1)),
        ),
        (
            "Hugo issue 9482: plain HTML documents not supported",
            "<div>Hej</div>\n\nText\n",
            Result::Err(("PlainHtml", 1, 1)),
        ),
        (
            "Hugo issue 11150: a leading HTML comment without front matter",
            "<!-- comment -->\n## Hello, world!\n\nFoo\n",
            Result::Err(("HtmlCommentUnclosed", 1, 1)),
        ),
        (
            "a real site: YAML with a closing quote at column 0 (libyaml accepts it)",
            "---\ntitle: \"What is it?\n\"\n---\nText\n",
            Result::Ok(2),
        ),
        (
            "a real site: a flow list at column 0 with a trailing comma",
            "---\naliases: [\n/a/,\n/b/,\n]\ntitle: Hej\n---\nText\n",
            Result::Ok(2),
        ),
        (
            "a real site: space after = in a shortcode",
            "---\ntitle: FAQ\n---\n{{% accordion title= \"What is it?\" %}}\nText\n{{% /accordion %}}\n",
            Result::Ok(3),
        ),
        (
            "Hugo 0.152 (YAML 1.1 library, linode/docs#7360): a key written twice is refused",
            "---\ntitle: A\ndate: 2020-01-01\ntitle: B\n---\nText\n",
            Result::Err(("FrontMatterSyntax", 4, 1)),
        ),
        (
            "pagelexer_intro.go: lines starting with #+ are Org front matter",
            "#+TITLE: Hej\n#+AUTHOR: A\n\nText\n",
            Result::Ok(1),
        ),
        (
            "pagelexer.go lexMainSection: a leading comment hiding no front matter is skipped whole",
            "<!-- note\nfoo {{< x \"broken >}}\n-->\nText here.\n",
            Result::Ok(1),
        ),
        (
            "posFromInput (hugolib): columns count bytes",
            "---\ntitle: x\n---\nåäö {{< x \"a >}}\n",
            Result::Err(("Shortcode", 4, 15)),
        ),
        (
            "YAML: invalid front matter is refused where the YAML parser says",
            "---\ntitle: [\n---\nText\n",
            Result::Err(("FrontMatterSyntax", 3, 1)),
        ),
    ];
    for (source, input, expected) in cases {
        let got = posting_outcome(input);
        let expected = (*expected).map_err(|(k, l, c)| (k.to_string(), l, c));
        assert_eq!(got, expected, "{source}: {input:?}");
    }
}
