# tolkar: meldinger til mennesker, norsk bokmål.
#
# Samme id-er som i den engelske filen, og bare variabler som den engelske
# teksten bruker. Variabelnavn skrives med understrek.

## errors

error-prefix = feil
error-io = kan ikke lese { $path }: { $error }
error-write = kan ikke skrive { $path }: { $error }
error-not-utf8 = { $path }:{ $line }:{ $column }: ikke gyldig UTF-8
error-is-directory = { $path } er en mappe, ikke et innlegg
error-binary = { $path } ser ut som en binærfil, ikke et innlegg
error-front-matter-unclosed = { $path }:{ $line }:{ $column }: front matter som åpnes med { $delimiter }, blir aldri lukket
error-front-matter-syntax = { $path }:{ $line }:{ $column }: ugyldig front matter ({ $format }): { $reason }
error-shortcode-unclosed = { $path }:{ $line }:{ $column }: shortcode-taggen som åpnes på linje { $opened }, blir aldri lukket (forventet { $expected })
error-front-matter-delimiter = { $path }:{ $line }:{ $column }: en posting som begynner med { $found }, må begynne med front matter { $delimiter } (Hugo avviser den også)
error-plain-html = { $path }:{ $line }:{ $column }: en posting som begynner med en HTML-tagg, må ha front matter, også tom (Hugo leser ikke ren HTML)
error-shortcode-at-start = { $path }:{ $line }:{ $column }: en posting som begynner med en shortcode, leses av Hugo som JSON-front matter og avvises; legg til front matter, også tom, over den
error-html-comment-unclosed = { $path }:{ $line }:{ $column }: Hugo leser en HTML-kommentar øverst i en posting som om den skjuler front matter, og denne har ingen --> etter seg (legg til front matter, også tom, over den)
error-shortcode-unexpected-char = { $path }:{ $line }:{ $column }: uventet { $found } i en shortcode-tagg (en parameter med andre tegn enn bokstaver, sifre og - må siteres)
error-shortcode-no-name = { $path }:{ $line }:{ $column }: shortcode-taggen har ikke noe navn
error-shortcode-period-in-name = { $path }:{ $line }:{ $column }: punktum i et shortcode-navn er bare tillatt i NAVN.inline
error-shortcode-close-without-open = { $path }:{ $line }:{ $column }: en avsluttende shortcode-tagg, men ingen shortcode er åpnet før den
error-shortcode-close-unknown = { $path }:{ $line }:{ $column }: avsluttende tagg for shortcoden { $name }, som aldri ble åpnet
error-shortcode-close-not-alone = { $path }:{ $line }:{ $column }: bare mellomrom kan følge navnet i den avsluttende taggen for { $name }
error-shortcode-orphan-close = { $path }:{ $line }:{ $column }: den avsluttende shortcoden { $name } har ingen åpen shortcode å lukke
error-shortcode-unterminated-quote = { $path }:{ $line }:{ $column }: den siterte shortcode-parameteren lukkes ikke på sin linje
error-shortcode-unterminated-raw = { $path }:{ $line }:{ $column }: den rå shortcode-parameteren (mellom backticks) lukkes aldri
error-shortcode-bad-escape = { $path }:{ $line }:{ $column }: en omvendt skråstrek før en backtick i en shortcode-parameter
error-shortcode-mixed-params = { $path }:{ $line }:{ $column }: navngitte og posisjonelle shortcode-parametere blandes (ved { $param })
error-shortcode-not-closed = { $path }:{ $line }:{ $column }: shortcoden { $name } tar innhold (den lukkes et annet sted i postingen) og må lukkes også her, eller selvlukkes med />
error-shortcode-comment-unclosed = { $path }:{ $line }:{ $column }: shortcode-kommentaren lukkes aldri med { $expected }
error-shortcode-inline-nested = { $path }:{ $line }:{ $column }: inline-shortcoden { $name } kan ikke inneholde andre shortcodes
error-config-missing = ingen tolkar.toml i { $dir } (kjør `tolkar init` først)
error-config-invalid = { $path }:{ $line }:{ $column }: ugyldig konfigurasjon: { $reason }
error-config-exists = { $path } finnes allerede (bruk --force for å overskrive)
error-hugo-config = { $path }:{ $line }:{ $column }: ugyldig Hugo-konfigurasjon: { $reason }
error-init-no-targets = ingen målspråk: { $dir } har ingen Hugo-konfigurasjon som nevner andre språk enn { $source }; oppgi dem med --targets
error-db-newer = databasen { $path } ble laget av en nyere versjon av tolkar (skjema { $found }, denne versjonen kjenner til { $known }); oppgrader tolkar
error-db = databasefeil i { $path }: { $error }
error-db-value = databasen { $path } har { $value } i { $column }, som denne versjonen av tolkar ikke kjenner til; ble den skrevet av en nyere tolkar?
error-missing-translations =
    { $count ->
        [one] { $count } segment mangler
       *[other] { $count } segmenter mangler
    } oversettelse til { $lang } (--missing error)
error-unknown-language = ukjent språk { $lang }: prosjektet oversettes til { $langs }
error-bad-translation = { $path } ({ $lang }): en lagret oversettelse passer ikke: { $reason }

## extract

extract-hint = linje { $line }: parameteren { $param } i { $shortcode } ser ut som tekst, men oversettes ikke: "{ $value }" (legg den til under [shortcodes.{ $shortcode }] i tolkar.toml hvis den er det)

## sync

sync-summary =
    Synkroniserte { $documents ->
        [one] { $documents } dokument
       *[other] { $documents } dokumenter
    }: { $new ->
        [one] { $new } nytt
       *[other] { $new } nye
    }, { $changed ->
        [one] { $changed } endret
       *[other] { $changed } endrede
    }, { $unchanged ->
        [one] { $unchanged } uendret
       *[other] { $unchanged } uendrede
    }, { $removed ->
        [one] { $removed } fjernet
       *[other] { $removed } fjernede
    }.
sync-segments =
    Segmenter: { $added } lagt til, { $updated ->
        [one] { $updated } endret
       *[other] { $updated } endrede
    }, { $obsoleted ->
        [one] { $obsoleted } foreldet
       *[other] { $obsoleted } foreldede
    }.

## status

status-unreadable =
    { $count ->
        [one] { $count } kildeposting kunne ikke leses ved siste sync; det som er lagret for den, beholdes som det var:
       *[other] { $count } kildepostinger kunne ikke leses ved siste sync; det som er lagret for dem, beholdes som det var:
    }
status-header = Språk   Oversatte   Utdaterte   Mangler   Totalt
status-doc-row =
    { $path }: { $translated } av { $total } oversatt ({ $translated_pct } %), { $stale ->
        [one] { $stale } utdatert
       *[other] { $stale } utdaterte
    }, { $missing } mangler

## build

build-summary = Bygde { $lang }: { $written } skrevet, { $unchanged } uendret, { $skipped } hoppet over.
build-fallback =
    { $path }: kildeteksten brukes for { $count ->
        [one] { $count } segment
       *[other] { $count } segmenter
    }
build-fallback-more =
    …og { $postings ->
        [one] { $postings } innlegg til
       *[other] { $postings } innlegg til
    } med { $count ->
        [one] { $count } segment
       *[other] { $count } segmenter
    } på kildespråket
build-skipped-missing =
    { $path }: hoppet over, { $count ->
        [one] { $count } segment mangler
       *[other] { $count } segmenter mangler
    } (--missing skip)
build-skipped-foreign = { $path }: ikke skrevet: filen ble ikke skrevet av tolkar, eller er endret siden forrige bygg. `tolkar adopt --lang { $lang }` tar teksten inn i lageret; `tolkar adopt --explain { $path } --lang { $lang }` viser hva build ville endret; --force overskriver den.
build-skipped-taken = { $path }: ikke skrevet for { $owner }: filen er en annen posts oversettelse (paret via translationKey)
build-skipped-unreadable = { $path }: skrives ikke: med oversettelsene sine ville den ikke kunne leses som posting ({ $reason }); rett oversettelsen
build-skipped-overrides = { $path }: ikke skrevet: front matter-verdiene som ble beholdt fra oversettelsen, passer ikke lenger med kildens front matter (kjør `tolkar adopt --lang { $lang }` igjen når oversettelsens front matter stemmer)

## adopt
adopt-differs = build ville ikke skrevet den tilbake byte for byte (første forskjell på linje { $line }), så den blir latt være (`tolkar adopt --explain { $path } --lang { $lang }` viser hvorfor)
adopt-orphan = { $path }: ingen kildepost; blir latt være
adopt-summary = { $lang }: { $postings } oversatte poster, { $adopted } av { $segments } segmenter overtatt ({ $adopted_share } %), { $identical } bygges på nytt byte for byte ({ $identical_share } %); { $stored } oversettelser nye eller endret.
adopt-dry-run = Prøvekjøring: ingenting ble lagret.
adopt-shared-key = translationKey "{ $key }" står på flere poster ({ $paths }): pares ikke
adopt-missing = mangler: { $key } (kildelinje { $line })
adopt-unmatched = tekst uten motstykke på linje { $line }: { $text }
adopt-not-adopted = ikke overtatt: { $key } (linje { $line }): { $reason }, i motsetning til kilden (linje { $source_line })
adopt-front-matter-not-comparable = front matter kan ikke sammenlignes med kildens
adopt-copy = hver tekst er kildens egen: overtas ikke som oversettelse
adopt-explain-head = { $localized } ← { $source }: { $adopted } av { $segments } segmenter passer sammen
adopt-explain-kept = beholdes fra oversettelsen: { $what }
adopt-kept-only-here = { $text } (bare i oversettelsen)
adopt-kept-left-out = { $key } (utelatt i oversettelsen)
adopt-kept-lead =
    { $count ->
        [one] { $count } tom linje
       *[other] { $count } tomme linjer
    } etter front matter
adopt-kept-no-newline = ingen linjeskift til slutt
adopt-kept-tail =
    { $count ->
        [one] { $count } linjeskift
       *[other] { $count } linjeskift
    } til slutt
adopt-explain-differs = build ville skrevet den annerledes, først på linje { $line }, kolonne { $column }:
adopt-explain-same = build skriver den tilbake byte for byte
adopt-diff-now = { $path } (nå)
adopt-diff-built = { $path } (slik build skriver den)
error-adopt-explain-lang = --explain krever --lang (ett språk)
error-adopt-unknown-doc = { $path } er verken en kildepost eller den oversatte versjonen av en

## init

init-written = Skrev { $path }: kildespråk { $source }, målspråk { $targets }, layout { $layout }.
init-no-hugo = Ingen Hugo-konfigurasjon her: språkene kommer fra kommandolinjen.
init-hugo-read = Leste Hugo-konfigurasjonen: { $files }.
init-postings =
    { $sources ->
        [one] { $sources } kildetekst
       *[other] { $sources } kildetekster
    }, { $pairs ->
        [one] { $pairs } oversettelse
       *[other] { $pairs } oversettelser
    } sammenlignet med kilden sin.
init-shared = Deles av flere språk og oversettes derfor ikke: { $glob } (i exclude).
init-translation-key =
    { $count ->
        [one] { $count } oversatt side hører
       *[other] { $count } oversatte sider hører
    } sammen med en kilde via translationKey selv om stiene er forskjellige (listet i tolkar.toml).
init-suggested = Forslag: { $keys ->
        [one] { $keys } nøkkel til
       *[other] { $keys } nøkler til
    } i front matter, regler for { $shortcodes ->
        [one] { $shortcodes } kortkode
       *[other] { $shortcodes } kortkoder
    } ({ $templates ->
        [one] { $templates } mal lest
       *[other] { $templates } maler lest
    }).
init-undecided =
    { $count ->
        [one] { $count } ting som init ikke kunne avgjøre, står
       *[other] { $count } ting som init ikke kunne avgjøre, står
    } sist i tolkar.toml.

## memory

memory-filled =
    { $count ->
        [one] { $count } oversettelse
       *[other] { $count } oversettelser
    } hentet fra oversettelsesminnet (samme kildetekst et annet sted).

tm-none = Ingen oversettelse til { $lang } av en tekst som ligner denne minst { $min } % (teksten sammenlignes med kildetekster på { $source }).

## stale

stale-none = Ingen utdaterte oversettelser.
stale-document =
    { $lang }: { $path } → { $localized } ({ $count ->
        [one] { $count } utdatert segment
       *[other] { $count } utdaterte segmenter
    })
stale-segment = { $key }, linje { $line }
stale-segment-both = { $key }, linje { $line } (oversettelse: linje { $localized_line })
stale-source = kilde: { $text }
stale-translation = oversettelse: { $text }

## check

check-language = { $lang }: { $coverage } % oversatt, { $stale } utdaterte, { $missing } mangler, { $machine } maskin:
check-coverage = dekningen { $coverage } % er under de påkrevde { $min } %
check-passed = bestått
check-failed = FEILET

## review

review-summary = Gjennomgang ({ $action }): { $count ->
        [one] { $count } oversettelse
       *[other] { $count } oversettelser
    } endret.
error-review-nothing-named = oppgi segmentene som skal gjennomgås: id (sti#nøkkel), --doc MØNSTER eller --all
error-review-unknown = ikke noe slikt segment: { $id }
error-review-placeholders = { $id }: den nye teksten passer ikke til kildeteksten: { $reason }
review-step-prompt = [k] behold, [e] rediger, [s] hopp over, [q] avslutt?
review-step-new-text = Ny oversettelse:
review-step-unfit = ikke tatt: { $reason }
review-step-summary = Gjennomgang: { $kept } beholdt, { $edited } redigert, { $skipped } hoppet over.

## report

report-written = Skrev rapporten til { $path }.

## export

export-summary =
    Eksporterte { $units ->
        [one] { $units } enhet
       *[other] { $units } enheter
    } for { $lang } ({ $missing } mangler, { $stale } utdaterte) til { $target }.
export-stdout = standard ut
error-unknown-state = ukjent tilstand { $state }: bruk { $states }
error-bad-glob = ugyldig mønster { $glob }: { $reason }

doc-no-match = advarsel: --doc { $glob } passer ikke med noe kildeinnlegg (stier er relative til prosjektet, som { $example })
## import

import-refused = { $path }:{ $line }: { $id }: avvist: { $reason }
import-refused-not-an-id = id-en er ikke en tolkar-id (sti#nøkkel)
import-refused-outside = stien peker utenfor prosjektet
import-refused-unknown = ikke noe slikt segment i prosjektet (innlegget eller segmentet finnes ikke lenger, eller filen er fra et annet prosjekt)
import-refused-duplicate = samme id kom tidligere i denne importen
import-refused-missing-placeholder = kildetekstens plassholder { $tag } mangler
import-refused-unknown-placeholder = plassholderen { $tag } finnes ikke i kildeteksten
import-refused-repeated-placeholder = plassholderen { $tag } forekommer mer enn én gang
import-refused-nesting = plassholderen { $tag } lukkes ikke der den skal
import-stale = { $path }:{ $line }: { $id }: oversatt fra en eldre kildetekst; lagret som utdatert
import-superseded = { $path }:{ $line }: { $id }: oversatt fra en eldre kildetekst, og en oversettelse av den nåværende finnes allerede; den lagrede ble beholdt
import-summary = Import: { $new } nye, { $updated } oppdaterte, { $unchanged } uendrede, { $stale } utdaterte, { $empty } uoversatte, { $refused } avviste.
import-dry-run = Prøvekjøring: ingenting ble lagret.
import-nothing-stored =
    Ingenting ble lagret fordi { $refused ->
        [one] { $refused } enhet
       *[other] { $refused } enheter
    } ble avvist (rett dem, eller bruk --partial for å lagre resten).
error-import-format = { $path }: kan ikke avgjøre formatet (ventet XLIFF 2, XLIFF 1.2, PO, CSV eller JSON)
error-import-syntax = { $path }:{ $line }:{ $column }: ugyldig { $format }: { $reason }
error-import-language = { $path } gjelder språket { $found }, ikke { $lang }
error-import-no-language = { $path } oppgir ikke språket sitt: oppgi --lang
error-import-source-language = { $path } oversetter fra { $found }, men prosjektets kildespråk er { $lang }

## translate

error-translate-no-command = ingen maskinoversettelseskommando: oppgi --command eller [translate] command i tolkar.toml
error-translate-failed = maskinoversettelseskommandoen feilet, ingenting fra denne omgangen ble lagret ({ $command }): { $reason }
translate-refused = { $id }: maskinoversettelsen ble avvist: { $reason }
translate-empty-answer = svaret er tomt
translate-summary = Maskinoversettelse: { $stored } lagret (tilstand machine), { $unchanged } uendrede, { $refused } avviste.
