# tolkar: beskeder til mennesker, dansk.
#
# Samme id'er som i den engelske fil, og kun variabler, som den engelske
# tekst bruger. Variabelnavne skrives med understregning.

## errors

error-prefix = fejl
error-io = kan ikke læse { $path }: { $error }
error-write = kan ikke skrive { $path }: { $error }
error-not-utf8 = { $path }:{ $line }:{ $column }: ikke gyldig UTF-8
error-is-directory = { $path } er en mappe, ikke et indlæg
error-binary = { $path } ligner en binær fil, ikke et indlæg
error-front-matter-unclosed = { $path }:{ $line }:{ $column }: front matter, der åbnes med { $delimiter }, bliver aldrig lukket
error-front-matter-syntax = { $path }:{ $line }:{ $column }: ugyldig front matter ({ $format }): { $reason }
error-shortcode-unclosed = { $path }:{ $line }:{ $column }: shortcode-tagget, der åbnes på linje { $opened }, bliver aldrig lukket (forventede { $expected })
error-front-matter-delimiter = { $path }:{ $line }:{ $column }: en posting, der begynder med { $found }, skal begynde med front matter { $delimiter } (Hugo afviser den også)
error-plain-html = { $path }:{ $line }:{ $column }: en posting, der begynder med et HTML-tag, skal have front matter, også tom (Hugo læser ikke ren HTML)
error-shortcode-at-start = { $path }:{ $line }:{ $column }: en posting, der begynder med en shortcode, læses af Hugo som JSON-front matter og afvises; tilføj front matter, også tom, ovenover
error-html-comment-unclosed = { $path }:{ $line }:{ $column }: Hugo læser en HTML-kommentar øverst i en posting, som om den skjuler front matter, og denne har ingen --> efter sig (tilføj front matter, også tom, ovenover)
error-shortcode-unexpected-char = { $path }:{ $line }:{ $column }: uventet { $found } i et shortcode-tag (en parameter med andre tegn end bogstaver, cifre og - skal citeres)
error-shortcode-no-name = { $path }:{ $line }:{ $column }: shortcode-tagget har intet navn
error-shortcode-period-in-name = { $path }:{ $line }:{ $column }: punktum i et shortcode-navn er kun tilladt i NAVN.inline
error-shortcode-close-without-open = { $path }:{ $line }:{ $column }: et afsluttende shortcode-tag, men ingen shortcode er åbnet før det
error-shortcode-close-unknown = { $path }:{ $line }:{ $column }: afsluttende tag for shortcoden { $name }, som aldrig blev åbnet
error-shortcode-close-not-alone = { $path }:{ $line }:{ $column }: kun mellemrum må følge navnet i det afsluttende tag for { $name }
error-shortcode-orphan-close = { $path }:{ $line }:{ $column }: den afsluttende shortcode { $name } har ingen åben shortcode at lukke
error-shortcode-unterminated-quote = { $path }:{ $line }:{ $column }: den citerede shortcode-parameter lukkes ikke på sin linje
error-shortcode-unterminated-raw = { $path }:{ $line }:{ $column }: den rå shortcode-parameter (mellem backticks) lukkes aldrig
error-shortcode-bad-escape = { $path }:{ $line }:{ $column }: en omvendt skråstreg før en backtick i en shortcode-parameter
error-shortcode-mixed-params = { $path }:{ $line }:{ $column }: navngivne og positionelle shortcode-parametre blandes (ved { $param })
error-shortcode-not-closed = { $path }:{ $line }:{ $column }: shortcoden { $name } tager indhold (den lukkes et andet sted i postingen) og skal også lukkes her eller selvlukkes med />
error-shortcode-comment-unclosed = { $path }:{ $line }:{ $column }: shortcode-kommentaren lukkes aldrig med { $expected }
error-shortcode-inline-nested = { $path }:{ $line }:{ $column }: inline-shortcoden { $name } kan ikke indeholde andre shortcodes
error-config-missing = ingen tolkar.toml i { $dir } (kør `tolkar init` først)
error-config-invalid = { $path }:{ $line }:{ $column }: ugyldig konfiguration: { $reason }
error-config-exists = { $path } findes allerede (brug --force for at overskrive)
error-hugo-config = { $path }:{ $line }:{ $column }: ugyldig Hugo-konfiguration: { $reason }
error-init-no-targets = ingen målsprog: { $dir } har ingen Hugo-konfiguration, der nævner andre sprog end { $source }; angiv dem med --targets
error-db-newer = databasen { $path } er oprettet af en nyere version af tolkar (skema { $found }, denne version kender { $known }); opgrader tolkar
error-db = databasefejl i { $path }: { $error }
error-db-value = databasen { $path } har { $value } i { $column }, som denne version af tolkar ikke kender; blev den skrevet af en nyere tolkar?
error-missing-translations =
    { $count ->
        [one] { $count } segment mangler
       *[other] { $count } segmenter mangler
    } oversættelse til { $lang } (--missing error)
error-unknown-language = ukendt sprog { $lang }: projektet oversættes til { $langs }
error-bad-translation = { $path } ({ $lang }): en gemt oversættelse passer ikke: { $reason }

## extract

extract-hint = linje { $line }: parameteren { $param } i { $shortcode } ligner tekst, men oversættes ikke: "{ $value }" (tilføj den under [shortcodes.{ $shortcode }] i tolkar.toml, hvis den er det)

## sync

sync-summary =
    Synkroniserede { $documents ->
        [one] { $documents } dokument
       *[other] { $documents } dokumenter
    }: { $new ->
        [one] { $new } nyt
       *[other] { $new } nye
    }, { $changed ->
        [one] { $changed } ændret
       *[other] { $changed } ændrede
    }, { $unchanged ->
        [one] { $unchanged } uændret
       *[other] { $unchanged } uændrede
    }, { $removed ->
        [one] { $removed } fjernet
       *[other] { $removed } fjernede
    }.
sync-segments =
    Segmenter: { $added ->
        [one] { $added } tilføjet
       *[other] { $added } tilføjede
    }, { $updated ->
        [one] { $updated } ændret
       *[other] { $updated } ændrede
    }, { $obsoleted ->
        [one] { $obsoleted } forældet
       *[other] { $obsoleted } forældede
    }.

## status

status-unreadable =
    { $count ->
        [one] { $count } kildeposting kunne ikke læses ved seneste sync; det, der er gemt for den, bevares som det var:
       *[other] { $count } kildepostinger kunne ikke læses ved seneste sync; det, der er gemt for dem, bevares som det var:
    }
status-header = Sprog   Oversatte   Uaktuelle   Mangler   I alt
status-doc-row =
    { $path }: { $translated } af { $total } oversat ({ $translated_pct } %), { $stale ->
        [one] { $stale } uaktuelt
       *[other] { $stale } uaktuelle
    }, { $missing } mangler

## build

build-summary =
    Byggede { $lang }: { $written } skrevet, { $unchanged ->
        [one] { $unchanged } uændret
       *[other] { $unchanged } uændrede
    }, { $skipped } sprunget over.
build-fallback =
    { $path }: kildeteksten bruges for { $count ->
        [one] { $count } segment
       *[other] { $count } segmenter
    }
build-fallback-more =
    …og { $postings ->
        [one] { $postings } opslag mere
       *[other] { $postings } opslag mere
    } med { $count ->
        [one] { $count } segment
       *[other] { $count } segmenter
    } på kildesproget
build-skipped-missing =
    { $path }: sprunget over, { $count ->
        [one] { $count } segment mangler
       *[other] { $count } segmenter mangler
    } (--missing skip)
build-skipped-foreign = { $path }: ikke skrevet: filen blev ikke skrevet af tolkar, eller er ændret siden sidste build. `tolkar adopt --lang { $lang }` tager dens tekst ind i lageret; `tolkar adopt --explain { $path } --lang { $lang }` viser hvad build ville ændre; --force overskriver den.
build-skipped-taken = { $path }: ikke skrevet for { $owner }: filen er et andet indlægs oversættelse (parret via translationKey)
build-skipped-unreadable = { $path }: skrives ikke: med sine oversættelser kunne den ikke læses som posting ({ $reason }); ret oversættelsen
build-skipped-overrides = { $path }: ikke skrevet: front matter-værdierne, der blev beholdt fra oversættelsen, passer ikke længere til kildens front matter (kør `tolkar adopt --lang { $lang }` igen, når oversættelsens front matter passer)

## adopt
adopt-differs = build ville ikke skrive den tilbage byte for byte (første forskel på linje { $line }), så den lades urørt (`tolkar adopt --explain { $path } --lang { $lang }` viser hvorfor)
adopt-orphan = { $path }: intet kildeindlæg; lades urørt
adopt-summary = { $lang }: { $postings } oversatte indlæg, { $adopted } af { $segments } segmenter overtaget ({ $adopted_share } %), { $identical } genopbygges byte for byte ({ $identical_share } %); { $stored } oversættelser nye eller ændrede.
adopt-dry-run = Prøvekørsel: intet blev gemt.
adopt-shared-key = translationKey "{ $key }" står på flere indlæg ({ $paths }): parres ikke
adopt-missing = mangler: { $key } (kildelinje { $line })
adopt-unmatched = tekst uden modstykke på linje { $line }: { $text }
adopt-not-adopted = ikke overtaget: { $key } (linje { $line }): { $reason }, modsat kilden (linje { $source_line })
adopt-front-matter-not-comparable = front matter kan ikke sammenlignes med kildens
adopt-copy = hver tekst er kildens egen: overtages ikke som oversættelse
adopt-explain-head = { $localized } ← { $source }: { $adopted } af { $segments } segmenter passer sammen
adopt-explain-kept = beholdes fra oversættelsen: { $what }
adopt-kept-only-here = { $text } (kun i oversættelsen)
adopt-kept-left-out = { $key } (udeladt i oversættelsen)
adopt-kept-lead =
    { $count ->
        [one] { $count } tom linje
       *[other] { $count } tomme linjer
    } efter front matter
adopt-kept-no-newline = intet linjeskift til sidst
adopt-kept-tail =
    { $count ->
        [one] { $count } linjeskift
       *[other] { $count } linjeskift
    } til sidst
adopt-explain-differs = build ville skrive den anderledes, først på linje { $line }, kolonne { $column }:
adopt-explain-same = build skriver den tilbage byte for byte
adopt-diff-now = { $path } (nu)
adopt-diff-built = { $path } (som build skriver den)
error-adopt-explain-lang = --explain kræver --lang (ét sprog)
error-adopt-unknown-doc = { $path } er hverken et kildeindlæg eller den oversatte udgave af et

## init

init-written = Skrev { $path }: kildesprog { $source }, målsprog { $targets }, layout { $layout }.
init-no-hugo = Ingen Hugo-konfiguration her: sprogene kommer fra kommandolinjen.
init-hugo-read = Læste Hugo-konfigurationen: { $files }.
init-postings =
    { $sources ->
        [one] { $sources } kildetekst
       *[other] { $sources } kildetekster
    }, { $pairs ->
        [one] { $pairs } oversættelse
       *[other] { $pairs } oversættelser
    } sammenlignet med deres kilde.
init-shared = Deles af flere sprog og oversættes derfor ikke: { $glob } (i exclude).
init-translation-key =
    { $count ->
        [one] { $count } oversat side hører
       *[other] { $count } oversatte sider hører
    } sammen med en kilde via translationKey, selvom stierne er forskellige (listet i tolkar.toml).
init-suggested = Forslag: { $keys ->
        [one] { $keys } nøgle mere
       *[other] { $keys } nøgler mere
    } i front matter, regler for { $shortcodes ->
        [one] { $shortcodes } shortcode
       *[other] { $shortcodes } shortcodes
    } ({ $templates ->
        [one] { $templates } skabelon læst
       *[other] { $templates } skabeloner læst
    }).
init-undecided =
    { $count ->
        [one] { $count } ting, som init ikke kunne afgøre, står
       *[other] { $count } ting, som init ikke kunne afgøre, står
    } sidst i tolkar.toml.

## memory

memory-filled =
    { $count ->
        [one] { $count } oversættelse
       *[other] { $count } oversættelser
    } hentet fra oversættelseshukommelsen (samme kildetekst et andet sted).

tm-none = Ingen oversættelse til { $lang } af en tekst, der ligner denne mindst { $min } % (teksten sammenlignes med kildetekster på { $source }).

## stale

stale-none = Ingen forældede oversættelser.
stale-document =
    { $lang }: { $path } → { $localized } ({ $count ->
        [one] { $count } forældet segment
       *[other] { $count } forældede segmenter
    })
stale-segment = { $key }, linje { $line }
stale-segment-both = { $key }, linje { $line } (oversættelse: linje { $localized_line })
stale-source = kilde: { $text }
stale-translation = oversættelse: { $text }

## check

check-language = { $lang }: { $coverage } % oversat, { $stale } forældede, { $missing } mangler, { $machine } maskine:
check-coverage = dækningen { $coverage } % er under de krævede { $min } %
check-passed = bestået
check-failed = FEJLET

## review

review-summary = Gennemgang ({ $action }): { $count ->
        [one] { $count } oversættelse
       *[other] { $count } oversættelser
    } ændret.
error-review-nothing-named = angiv segmenterne, der skal gennemgås: id (sti#nøgle), --doc MØNSTER eller --all
error-review-unknown = intet sådant segment: { $id }
error-review-placeholders = { $id }: den nye tekst passer ikke til kildeteksten: { $reason }
review-step-prompt = [k] behold, [e] rediger, [s] spring over, [q] afslut?
review-step-new-text = Ny oversættelse:
review-step-unfit = ikke taget: { $reason }
review-step-summary = Gennemgang: { $kept } beholdt, { $edited } redigeret, { $skipped } sprunget over.

## report

report-written = Skrev rapporten til { $path }.

## export

export-summary =
    Eksporterede { $units ->
        [one] { $units } enhed
       *[other] { $units } enheder
    } for { $lang } ({ $missing } mangler, { $stale } forældede) til { $target }.
export-stdout = standard output
error-unknown-state = ukendt tilstand { $state }: brug { $states }
error-bad-glob = ugyldigt mønster { $glob }: { $reason }

doc-no-match = advarsel: --doc { $glob } passer ikke på noget kildeindlæg (stier er relative til projektet, som { $example })
## import

import-refused = { $path }:{ $line }: { $id }: afvist: { $reason }
import-refused-not-an-id = id'et er ikke et tolkar-id (sti#nøgle)
import-refused-outside = stien peger uden for projektet
import-refused-unknown = intet sådant segment i projektet (indlægget eller segmentet findes ikke længere, eller filen er fra et andet projekt)
import-refused-duplicate = samme id kom tidligere i denne import
import-refused-missing-placeholder = kildetekstens pladsholder { $tag } mangler
import-refused-unknown-placeholder = pladsholderen { $tag } findes ikke i kildeteksten
import-refused-repeated-placeholder = pladsholderen { $tag } forekommer mere end én gang
import-refused-nesting = pladsholderen { $tag } lukkes ikke, hvor den skal
import-stale = { $path }:{ $line }: { $id }: oversat fra en ældre kildetekst; gemt som forældet
import-superseded = { $path }:{ $line }: { $id }: oversat fra en ældre kildetekst, og en oversættelse af den nuværende findes allerede; den gemte blev beholdt
import-summary = Import: { $new } nye, { $updated } opdaterede, { $unchanged } uændrede, { $stale } forældede, { $empty } uoversatte, { $refused } afviste.
import-dry-run = Prøvekørsel: intet blev gemt.
import-nothing-stored =
    Intet blev gemt, fordi { $refused ->
        [one] { $refused } enhed
       *[other] { $refused } enheder
    } blev afvist (ret dem, eller brug --partial for at gemme resten).
error-import-format = { $path }: kan ikke afgøre formatet (forventede XLIFF 2, XLIFF 1.2, PO, CSV eller JSON)
error-import-syntax = { $path }:{ $line }:{ $column }: ugyldig { $format }: { $reason }
error-import-language = { $path } gælder sproget { $found }, ikke { $lang }
error-import-no-language = { $path } angiver ikke sit sprog: angiv --lang
error-import-source-language = { $path } oversætter fra { $found }, men projektets kildesprog er { $lang }

## translate

error-translate-no-command = ingen maskinoversættelseskommando: angiv --command eller [translate] command i tolkar.toml
error-translate-failed = maskinoversættelseskommandoen fejlede, intet fra denne omgang blev gemt ({ $command }): { $reason }
translate-refused = { $id }: maskinoversættelsen blev afvist: { $reason }
translate-empty-answer = svaret er tomt
translate-summary = Maskinoversættelse: { $stored } gemt (tilstand machine), { $unchanged } uændrede, { $refused } afviste.
