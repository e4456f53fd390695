# tolkar: messages for people, English (the fallback locale).
#
# Every id here must exist in sv, da and nb too, and the translations may only
# use variables that the English message uses. Variable names use underscores.
# The translations also have a `## help` section (help-* ids) for --help; its
# English is the doc comments of src/cli.rs, so it is not here (src/cli_l10n.rs).

## errors

error-prefix = error
error-io = cannot read { $path }: { $error }
error-write = cannot write { $path }: { $error }
error-state-conflict = { $path }:{ $line }: an unresolved merge conflict (git's conflict markers); resolve it, then run tolkar again. Nothing was stored.
error-state-syntax = { $path }:{ $line }:{ $column }: not a tolkar state file: { $error }. Nothing was stored.
# issue13-ux: a state file whose translation has a control character
error-state-control-character = { $path }:{ $line }: the translation of { $key } has the control character { $character } (character { $position }); only tab and newline may be in a translation. Remove it, then run tolkar again. Nothing was stored.
error-not-utf8 = { $path }:{ $line }:{ $column }: not valid UTF-8
error-is-directory = { $path } is a directory, not a posting
error-binary = { $path } looks like a binary file, not a posting
error-front-matter-unclosed = { $path }:{ $line }:{ $column }: front matter opened with { $delimiter } is never closed
error-front-matter-syntax = { $path }:{ $line }:{ $column }: invalid { $format } front matter: { $reason }
error-shortcode-unclosed = { $path }:{ $line }:{ $column }: shortcode tag opened on line { $opened } is never closed (expected { $expected })
error-front-matter-delimiter = { $path }:{ $line }:{ $column }: a posting that starts with { $found } must start with front matter { $delimiter } (Hugo refuses it too)
error-plain-html = { $path }:{ $line }:{ $column }: a posting that starts with an HTML tag needs front matter, even empty (Hugo reads no plain HTML)
error-shortcode-at-start = { $path }:{ $line }:{ $column }: a posting that starts with a shortcode is read by Hugo as JSON front matter, and refused; put front matter, even empty, above it
error-html-comment-unclosed = { $path }:{ $line }:{ $column }: Hugo reads an HTML comment at the top of a posting as hiding front matter, and this one has no --> after it (add front matter, even empty, above it)
error-shortcode-unexpected-char = { $path }:{ $line }:{ $column }: unexpected { $found } in a shortcode tag (a parameter with other characters than letters, digits and - must be quoted)
error-shortcode-no-name = { $path }:{ $line }:{ $column }: shortcode tag has no name
error-shortcode-period-in-name = { $path }:{ $line }:{ $column }: a . in a shortcode name is only allowed in NAME.inline
error-shortcode-close-without-open = { $path }:{ $line }:{ $column }: closing shortcode tag, but no shortcode was opened before it
error-shortcode-close-unknown = { $path }:{ $line }:{ $column }: closing tag for shortcode { $name }, which was never opened
error-shortcode-close-not-alone = { $path }:{ $line }:{ $column }: only spaces may follow the name in the closing tag of { $name }
error-shortcode-orphan-close = { $path }:{ $line }:{ $column }: closing shortcode { $name } has no open shortcode to close
error-shortcode-unterminated-quote = { $path }:{ $line }:{ $column }: quoted shortcode parameter is not closed on its line
error-shortcode-unterminated-raw = { $path }:{ $line }:{ $column }: raw shortcode parameter (between backticks) is never closed
error-shortcode-bad-escape = { $path }:{ $line }:{ $column }: a backslash before a backtick in a shortcode parameter
error-shortcode-mixed-params = { $path }:{ $line }:{ $column }: named and positional shortcode parameters are mixed (at { $param })
error-shortcode-not-closed = { $path }:{ $line }:{ $column }: shortcode { $name } takes content (it is closed elsewhere in the posting) and must be closed here too, or self-closed with />
error-shortcode-comment-unclosed = { $path }:{ $line }:{ $column }: shortcode comment is never closed with { $expected }
error-shortcode-inline-nested = { $path }:{ $line }:{ $column }: the inline shortcode { $name } cannot hold other shortcodes
error-config-missing = no tolkar.toml in { $dir } (run `tolkar init` first)
error-config-invalid = { $path }:{ $line }:{ $column }: invalid configuration: { $reason }
error-config-exists = { $path } already exists (use --force to overwrite)
error-hugo-config = { $path }:{ $line }:{ $column }: invalid Hugo configuration: { $reason }
error-init-no-targets = no target languages: { $dir } has no Hugo configuration naming languages besides { $source }; name them with --targets
error-db-newer = the database { $path } was made by a newer tolkar (schema { $found }, this tolkar knows { $known }); upgrade tolkar
error-db = database error in { $path }: { $error }
error-db-value = the database { $path } holds { $value } in { $column }, which this tolkar does not know; was it written by a newer tolkar?
# issue13-ux: waiting for the store's write lock
error-db-locked = another tolkar command is still writing the store ({ $path }); try again when it has finished
store-waiting = waiting for another tolkar command on this site to finish ({ $path })
error-lock-timeout-env = TOLKAR_LOCK_TIMEOUT_MS is { $value }: give a number of milliseconds, such as 30000
error-missing-translations =
    { $count ->
        [one] { $count } segment has
       *[other] { $count } segments have
    } no translation for { $lang } (--missing error)
error-unknown-language = unknown language { $lang }: the project translates into { $langs }
error-bad-translation = { $path } ({ $lang }): a stored translation does not fit: { $reason }

## extract

extract-hint = line { $line }: { $shortcode } parameter { $param } looks like text but is not translated: "{ $value }" (add it to [shortcodes.{ $shortcode }] in tolkar.toml if it is)

## sync

sync-summary =
    Synced { $documents ->
        [one] { $documents } document
       *[other] { $documents } documents
    }: { $new } new, { $changed } changed, { $unchanged } unchanged, { $removed } removed.
sync-renamed = { $from } → { $to }: renamed; its translations and their states go with it
sync-segments = Segments: { $added } added, { $updated } changed, { $obsoleted } obsolete.

## status
# The header columns are separated by three spaces; callers align the rows.
# $translated_pct is passed already rounded (e.g. 87 or 87.5).

status-unreadable =
    { $count ->
        [one] { $count } source posting could not be read at the last sync; what is stored for it is kept as it was:
       *[other] { $count } source postings could not be read at the last sync; what is stored for them is kept as it was:
    }
status-header = Language   Translated   Stale   Missing   Total
status-doc-row = { $path }: { $translated } of { $total } translated ({ $translated_pct }%), { $stale } stale, { $missing } missing
status-conflict = { $path }:{ $line }: in conflict ({ $lang }): its own edits and the source's changes collide; build leaves it as it is
status-postings-header = Language   Managed   Merged   Conflict   Unmanaged

## build

build-summary = Built { $lang }: { $written } written, { $unchanged } unchanged, { $skipped } skipped.
build-fallback =
    { $path }: { $count ->
        [one] { $count } segment fell
       *[other] { $count } segments fell
    } back to the source text
build-fallback-more =
    …and { $postings ->
        [one] { $postings } more posting
       *[other] { $postings } more postings
    } with { $count ->
        [one] { $count } segment
       *[other] { $count } segments
    } in the source language
build-skipped-missing =
    { $path }: skipped, { $count ->
        [one] { $count } segment
       *[other] { $count } segments
    } missing (--missing skip)
build-conflict = { $path }:{ $line }: not written: the file's own edit and the source's change collide here (the file has “{ $ours }”, build would write “{ $theirs }”); edit one of them, or `tolkar adopt --lang { $lang }` takes the file's text in
build-merged =
    { $lang }: { $merged ->
        [one] { $merged } posting keeps differences of its own
       *[other] { $merged } postings keep differences of their own
    }, merged with the build's changes; { $conflicts } in conflict.
build-skipped-foreign = { $path }: not written: tolkar did not write this file, or it was edited since the last build. `tolkar adopt --lang { $lang }` takes its text into the store; `tolkar adopt --explain { $path } --lang { $lang }` shows what build would change; --force overwrites it.
# issue13-ux: a localized posting too large to merge with
build-skipped-too-large = { $path }: not written: the file has edits of its own and is { $size }, more than a posting may be ({ $limit }, [limits] posting_size in tolkar.toml); it was not read. --force overwrites it.
build-skipped-taken = { $path }: not written for { $owner }: the file is another posting's translation (paired by translationKey)
build-orphan-kept = { $path }: its source posting is gone, but it has text of its own; not removed (delete it by hand if it should go)
build-pruned = { $path }: removed, its source posting is gone
build-orphan = { $path }: its source posting is gone; `tolkar build --prune` removes it
build-not-moved = { $from }: not moved to { $to }, where there is a file already; move or merge them by hand
build-moved = { $from } → { $to }: moved with its source posting
build-skipped-unreadable = { $path }: not written: with its translations it would not read back as a posting ({ $reason }); fix the translation
build-skipped-source-changed = { $path }: not written: its source { $source } changed while build ran; run build again

## adopt
adopt-differs = keeps differences of its own from what build writes (the first at line { $line }); build keeps them and merges the source's changes in (`tolkar adopt --explain { $path } --lang { $lang }` shows them)
adopt-orphan = { $path }: no source posting; left alone
adopt-links-suggest = { $lang }: { $localized } of { $total } internal links in the translations point to the language's own pages; add "{ $lang }" to localize in [links] of tolkar.toml, and build does so for every posting, new ones too.
adopt-links-unlike = { $lang }: [links] in tolkar.toml localizes internal links, but { $kept } of { $total } in the translations point to the source's pages; build keeps each translation's own, and writes localized ones in new postings.
merge-explain-new = There is no file yet: build writes it.
merge-explain-unreadable = Build would not write it: it would not read back as a posting ({ $reason }).
merge-explain-no-base = tolkar never wrote nor adopted this file, so there is nothing to merge with: `tolkar adopt --lang { $lang }` takes it over.
merge-explain-conflict = Conflict at line { $line }: the file has “{ $ours }”, build would write “{ $theirs }”. Build leaves the file as it is.
merge-explain-merges = The merge is clean; build changes the file so:
merge-explain-writes = The file has no differences of its own: build writes what it makes now.
merge-explain-none = (none)
merge-explain-theirs = Build's changes (what tolkar last wrote → what build makes now):
merge-explain-ours = The file's own differences (what tolkar last wrote → the file):
merge-explain-head = { $path } ({ $lang }), the translation of { $source }
adopt-summary = { $lang }: { $postings } localized postings, { $adopted } of { $segments } segments adopted ({ $adopted_share }%); { $identical } rebuild byte for byte and { $merged } keep differences of their own, which build keeps; { $stored } translations new or changed.
adopt-dry-run = Dry run: nothing was stored.
adopt-shared-key = translationKey "{ $key }" is on several postings ({ $paths }): not paired
adopt-missing = missing: { $key } (source line { $line })
adopt-unmatched = unmatched text at line { $line }: { $text }
adopt-not-adopted = not adopted: { $key } (line { $line }): { $reason }, unlike the source (line { $source_line })
adopt-copy = every text is the source's own: not adopted as a translation
adopt-explain-head = { $localized } ← { $source }: { $adopted } of { $segments } segments align
adopt-explain-kept = kept from the translation: { $what }
adopt-kept-only-here = { $text } (only in the translation)
adopt-kept-left-out = { $key } (left out of the translation)
adopt-kept-lead =
    { $count ->
        [one] { $count } blank line
       *[other] { $count } blank lines
    } after the front matter
adopt-kept-no-newline = no newline at the end
adopt-kept-tail =
    { $count ->
        [one] { $count } line break
       *[other] { $count } line breaks
    } at the end
adopt-explain-differs = it differs from what build makes of the store, first at line { $line }, column { $column }; build keeps these differences and merges the source's changes in:
adopt-explain-same = build writes it back byte for byte
adopt-diff-now = { $path } (now)
adopt-diff-built = { $path } (as build makes it of the store)
error-adopt-explain-lang = --explain needs --lang (one language)
error-adopt-unknown-doc = { $path } is neither a source posting nor the localized posting of one
error-not-localized = { $path } is not the localized posting of a source posting
error-source-changed = { $path } changed while tolkar worked on it; run the command again

## init

init-written = Wrote { $path }: source { $source }, targets { $targets }, layout { $layout }.
init-no-hugo = No Hugo configuration here: the languages come from the command line.
init-hugo-read = Read the Hugo configuration: { $files }.
init-postings =
    { $sources ->
        [one] { $sources } source posting
       *[other] { $sources } source postings
    }, { $pairs ->
        [one] { $pairs } translation
       *[other] { $pairs } translations
    } compared with their source.
init-shared = Shared by several languages, so not translated: { $glob } (in exclude).
init-translation-key =
    { $count ->
        [one] { $count } localized page pairs
       *[other] { $count } localized pages pair
    } with a source by translationKey while the paths differ (listed in tolkar.toml).
init-suggested = Suggested: { $keys ->
        [one] { $keys } more front-matter key
       *[other] { $keys } more front-matter keys
    }, rules for { $shortcodes ->
        [one] { $shortcodes } shortcode
       *[other] { $shortcodes } shortcodes
    } ({ $templates ->
        [one] { $templates } template read
       *[other] { $templates } templates read
    }).
init-undecided =
    { $count ->
        [one] { $count } thing init could not decide is
       *[other] { $count } things init could not decide are
    } listed at the end of tolkar.toml.

## memory

memory-filled =
    { $count ->
        [one] { $count } translation
       *[other] { $count } translations
    } filled from the translation memory (same source text elsewhere).

tm-none = No translation into { $lang } of a text at least { $min }% like this one (the text is compared with { $source } source texts).

## stale

stale-none = No stale translations.
stale-document =
    { $lang }: { $path } → { $localized } ({ $count ->
        [one] { $count } stale segment
       *[other] { $count } stale segments
    })
stale-segment = { $key }, line { $line }
stale-segment-both = { $key }, line { $line } (translation: line { $localized_line })
stale-source = source: { $text }
stale-translation = translation: { $text }

## check

check-language = { $lang }: { $coverage }% translated, { $stale } stale, { $missing } missing, { $machine } machine:
check-coverage = coverage { $coverage }% is below the required { $min }%
check-postings = postings: { $managed } managed ({ $share }%), { $merged } of them merged with differences of their own; { $conflicts } in conflict; { $unmanaged } unmanaged
check-passed = passed
check-failed = FAILED

## review

review-summary = Review ({ $action }): { $count ->
        [one] { $count } translation
       *[other] { $count } translations
    } changed.
error-review-nothing-named = name the segments to review: ids (path#key), --doc GLOB, or --all
error-review-unknown = no such segment: { $id }
error-review-placeholders = { $id }: the new text does not fit the source: { $reason }
review-step-prompt = [k]eep, [e]dit, [s]kip, [q]uit?
review-step-new-text = New translation:
review-step-unfit = not taken: { $reason }
review-step-summary = Review: { $kept } kept, { $edited } edited, { $skipped } skipped.
# issue13-ux: what review step shows of each segment ($number of $total)
review-step-segment = [{ $number }/{ $total }] { $id } (line { $line })
review-step-source = source: { $text }
review-step-translation = translation: { $text }

## report

report-written = Wrote the report to { $path }.

## export

export-summary =
    Exported { $units ->
        [one] { $units } unit
       *[other] { $units } units
    } for { $lang } ({ $missing } missing, { $stale } stale) to { $target }.
export-stdout = standard output
error-unknown-state = unknown state { $state }: use { $states }
error-bad-glob = invalid pattern { $glob }: { $reason }

doc-no-match = warning: --doc { $glob } matches no source posting (paths are relative to the project, like { $example })
## import

import-refused = { $path }:{ $line }: { $id }: refused: { $reason }
import-refused-not-an-id = the id is not a tolkar id (path#key)
import-refused-outside = the path points outside the project
import-refused-unknown = no such segment in this project (the posting or segment is gone, or the file is from another project)
import-refused-duplicate = the same id came earlier in this import
import-refused-missing-placeholder = placeholder { $tag } of the source is missing
import-refused-unknown-placeholder = placeholder { $tag } is not in the source
import-refused-repeated-placeholder = placeholder { $tag } appears more than once
import-refused-nesting = placeholder { $tag } is not closed where it should be
import-stale = { $path }:{ $line }: { $id }: translated from an older source text; stored as stale
import-superseded = { $path }:{ $line }: { $id }: translated from an older source text, and a translation of the current one is already stored; kept the stored one
import-summary = Import: { $new } new, { $updated } updated, { $unchanged } unchanged, { $stale } stale, { $empty } untranslated, { $refused } refused.
import-dry-run = Dry run: nothing was stored.
import-nothing-stored =
    Nothing was stored because { $refused ->
        [one] { $refused } unit was
       *[other] { $refused } units were
    } refused (fix them, or use --partial to store the rest).
error-import-format = { $path }: cannot tell the format (expected XLIFF 2, XLIFF 1.2, PO, CSV or JSON)
error-import-syntax = { $path }:{ $line }:{ $column }: invalid { $format }: { $reason }
error-import-language = { $path } is for language { $found }, not { $lang }
error-import-no-language = { $path } does not say its language: give --lang
error-import-source-language = { $path } translates from { $found }, but the project's source language is { $lang }

## translate

error-translate-no-command = no machine-translation command: give --command or set [translate] command in tolkar.toml
error-translate-failed = the machine-translation command failed, nothing of this batch was stored ({ $command }): { $reason }
translate-refused = { $id }: machine translation refused: { $reason }
translate-empty-answer = the answer is empty
translate-summary = Machine translation: { $stored } stored (state machine), { $unchanged } unchanged, { $refused } refused.

## limits (issue 13: what one input may cost, and control characters)

error-posting-too-large = { $path } is { $size }, more than a posting may be ({ $limit }, [limits] posting_size in tolkar.toml); it was not read
import-refused-control-character = the translation has the control character { $character } (character { $position }); only tab and newline may be in a translation
error-review-control-character = { $id }: the new text has the control character { $character } (character { $position }); only tab and newline may be in a translation
error-translate-line-too-long = the machine-translation command wrote a line longer than { $limit } (line { $line } of its output; [limits] translate_line in tolkar.toml), so it was stopped and nothing of this batch was stored ({ $command })
error-translate-too-much-output = the machine-translation command wrote more than { $limit } for one batch ([limits] translate_output in tolkar.toml), so it was stopped and nothing of this batch was stored ({ $command })

## Configuration checks and the command line (issue 13: doctor, discovery, -C, --quiet/--verbose, check's empty guard)
error-config-not-found = no tolkar.toml in { $dir } or any directory above it (run `tolkar init` in the site's root first)
error-source-dir-missing = { $path }:{ $line }: the source directory { $dir } (source_language = "{ $lang }") does not exist; the content directory holds: { $found }. Is source_language right?
error-directory = cannot change to directory { $path }: { $error }
verbose-project = Using { $config }; store { $store } ({ $present ->
        [yes] present
       *[no] absent
    }); { $postings } source postings.
verbose-timing = { $stage }: { $seconds } s
check-empty-no-postings = no source postings in { $dir } (source_language = "{ $lang }"): nothing was checked. Pass --allow-empty, or set allow_empty = true under [check] in tolkar.toml, if an empty project is expected.
check-empty-nothing-translated = nothing is translated in { $langs }: the check would pass with no translation at all. Pass --allow-empty, or set allow_empty = true under [check] in tolkar.toml, if this is expected.
check-empty-fresh = nothing is translated in { $langs }, and there is neither a store ({ $store }) nor a committed text state ({ $state }): a fresh clone whose text state was not committed? Commit { $state }, or pass --allow-empty (or set allow_empty = true under [check] in tolkar.toml) if this is expected.
check-left-out = … and { $count } more problems not listed (--max-problems).
doctor-ok = ok
doctor-note = note
doctor-warning = warning
doctor-error = error
doctor-config = configuration: { $path }
doctor-language = { $key }: { $lang } (BCP 47: { $tag })
doctor-language-not-bcp47 = { $path }:{ $line }: { $key }: { $lang } is not a BCP 47 language tag (Hugo accepts it; tools that read the exported files may not)
doctor-postings = source postings: { $count } in { $dir }
doctor-no-postings = source postings: none in { $dir } (`tolkar check` fails on an empty project unless allow_empty is set)
doctor-store-present = store: { $path }
doctor-store-absent = store: none yet at { $path } (sync creates it)
doctor-state-present = text state: { $path }
doctor-state-absent = text state: none at { $path }
doctor-fresh = neither a store nor a text state: nothing is translated yet, or the text state was not committed (`tolkar check` fails when nothing is translated, unless allow_empty is set)
doctor-summary = { $errors } errors, { $warnings } warnings.
cli-error-unknown-argument = unexpected argument '{ $arg }' found
cli-error-unknown-subcommand = unrecognized subcommand '{ $name }'
cli-error-invalid-value = invalid value '{ $value }' for '{ $arg }'
cli-error-missing-value = a value is required for '{ $arg }' but none was supplied
cli-error-possible-values = [possible values: { $values }]
cli-error-missing-argument = the following required arguments were not provided:
cli-error-missing-subcommand = '{ $name }' requires a subcommand but one was not provided
cli-error-subcommands = [subcommands: { $names }]
cli-error-similar = tip: a similar one exists: { $names }
cli-error-more-info = For more information, try '--help'.

## report --html (the page is in the UI language)
report-title = Translation report
report-source-language = Source language: { $lang }
report-postings = Postings: { $managed } managed ({ $percent }%), { $merged } of them merged with differences of their own; { $conflict } in conflict; { $unmanaged } unmanaged.
report-conflicts = In conflict
report-conflicts-meta = The translation's own edits and the source's changes collide; build leaves these postings as they are until one side is changed.
report-line = line { $line }
report-progress = progress
report-translated = translated
report-machine = machine
report-stale = stale
report-missing = missing
report-total = total { $total }
report-posting = Posting
report-column-stale = Stale
report-column-missing = Missing
report-column-machine = Machine
report-column-translated = Translated
report-column-total = Total
report-no-stale = No stale translations.
report-stale-heading = Stale translations ({ $count })
report-source-change = Source change
report-current-translation = Current translation
