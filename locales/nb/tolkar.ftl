# tolkar: meldinger til mennesker, norsk bokmål.
#
# Samme id-er som i den engelske filen, og bare variabler som den engelske
# teksten bruker. Variabelnavn skrives med understrek.

## errors

error-prefix = feil
error-io = kan ikke lese { $path }: { $error }
error-write = kan ikke skrive { $path }: { $error }
error-state-conflict = { $path }:{ $line }: en uløst flettekonflikt (gits konfliktmarkører); løs den, og kjør tolkar igjen. Ingenting ble lagret.
error-state-syntax = { $path }:{ $line }:{ $column }: ikke en tilstandsfil fra tolkar: { $error }. Ingenting ble lagret.
# issue13-ux: a state file whose translation has a control character
error-state-control-character = { $path }:{ $line }: oversettelsen av { $key } har kontrolltegnet { $character } (tegn { $position }); bare tabulator og linjeskift kan være i en oversettelse. Fjern det, og kjør tolkar igjen. Ingenting ble lagret.
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
# issue13-ux: waiting for the store's write lock
error-db-locked = en annen tolkar-kommando skriver fortsatt i lageret ({ $path }); prøv igjen når den er ferdig
store-waiting = venter på at en annen tolkar-kommando på dette nettstedet skal bli ferdig ({ $path })
error-lock-timeout-env = TOLKAR_LOCK_TIMEOUT_MS er { $value }: oppgi et antall millisekunder, for eksempel 30000
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
sync-renamed = { $from } → { $to }: nytt navn; oversettelsene og tilstandene deres følger med
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
status-conflict = { $path }:{ $line }: i konflikt ({ $lang }): egne endringer og kildens endringer kolliderer; build lar den være
status-postings-header = Språk   Håndterte   Flettet   Konflikt   Uhåndterte
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
build-conflict = { $path }:{ $line }: ikke skrevet: filens egen endring og kildens endring kolliderer her (filen har «{ $ours }», build ville skrevet «{ $theirs }»); endre en av dem, eller la `tolkar adopt --lang { $lang }` ta inn filens tekst
build-merged =
    { $lang }: { $merged ->
        [one] { $merged } post beholder
       *[other] { $merged } poster beholder
    } egne forskjeller, flettet med buildens endringer; { $conflicts } i konflikt.
build-skipped-foreign = { $path }: ikke skrevet: filen ble ikke skrevet av tolkar, eller er endret siden forrige bygg. `tolkar adopt --lang { $lang }` tar teksten inn i lageret; `tolkar adopt --explain { $path } --lang { $lang }` viser hva build ville endret; --force overskriver den.
# issue13-ux: a localized posting too large to merge with
build-skipped-too-large = { $path }: ikke skrevet: filen har egne endringer og er { $size }, mer enn et innlegg kan være ({ $limit }, [limits] posting_size i tolkar.toml); den ble ikke lest. --force overskriver den.
build-skipped-taken = { $path }: ikke skrevet for { $owner }: filen er en annen posts oversettelse (paret via translationKey)
build-orphan-kept = { $path }: kildeposten finnes ikke lenger, men den har egen tekst; ikke fjernet (slett den for hånd hvis den skal bort)
build-pruned = { $path }: fjernet, kildeposten finnes ikke lenger
build-orphan = { $path }: kildeposten finnes ikke lenger; `tolkar build --prune` fjerner den
build-not-moved = { $from }: ikke flyttet til { $to }, der det allerede finnes en fil; flytt eller slå dem sammen for hånd
build-moved = { $from } → { $to }: flyttet med kildeposten sin
build-skipped-unreadable = { $path }: skrives ikke: med oversettelsene sine ville den ikke kunne leses som posting ({ $reason }); rett oversettelsen
build-skipped-source-changed = { $path }: skrives ikke: kilden { $source } ble endret mens build kjørte; kjør build igjen

## adopt
adopt-differs = har egne forskjeller fra det build skriver (den første på linje { $line }); build beholder dem og fletter inn kildens endringer (`tolkar adopt --explain { $path } --lang { $lang }` viser dem)
adopt-orphan = { $path }: ingen kildepost; blir latt være
adopt-links-suggest = { $lang }: { $localized } av { $total } interne lenker i oversettelsene peker til språkets egne sider; legg til "{ $lang }" i localize under [links] i tolkar.toml, så gjør build det for hver post, også nye.
adopt-links-unlike = { $lang }: [links] i tolkar.toml lokaliserer interne lenker, men { $kept } av { $total } i oversettelsene peker til kildens sider; build beholder hver oversettelses egne og skriver lokaliserte i nye poster.
merge-explain-new = Filen finnes ikke ennå: build skriver den.
merge-explain-unreadable = Build ville ikke skrevet den: den kunne ikke leses tilbake som en post ({ $reason }).
merge-explain-no-base = tolkar har verken skrevet eller overtatt denne filen, så det er ingenting å flette med: `tolkar adopt --lang { $lang }` overtar den.
merge-explain-conflict = Konflikt på linje { $line }: filen har «{ $ours }», build ville skrevet «{ $theirs }». Build lar filen være.
merge-explain-merges = Flettingen går rent; build endrer filen slik:
merge-explain-writes = Filen har ingen egne forskjeller: build skriver det den lager nå.
merge-explain-none = (ingen)
merge-explain-theirs = Builds endringer (det tolkar sist skrev → det build lager nå):
merge-explain-ours = Filens egne forskjeller (det tolkar sist skrev → filen):
merge-explain-head = { $path } ({ $lang }), oversettelsen av { $source }
adopt-summary = { $lang }: { $postings } oversatte poster, { $adopted } av { $segments } segmenter overtatt ({ $adopted_share } %); { $identical } bygges på nytt byte for byte og { $merged } har egne forskjeller som build beholder; { $stored } oversettelser nye eller endret.
adopt-dry-run = Prøvekjøring: ingenting ble lagret.
adopt-shared-key = translationKey "{ $key }" står på flere poster ({ $paths }): pares ikke
adopt-missing = mangler: { $key } (kildelinje { $line })
adopt-unmatched = tekst uten motstykke på linje { $line }: { $text }
adopt-not-adopted = ikke overtatt: { $key } (linje { $line }): { $reason }, i motsetning til kilden (linje { $source_line })
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
adopt-explain-differs = den skiller seg fra det build lager av lageret, først på linje { $line }, kolonne { $column }; build beholder forskjellene og fletter inn kildens endringer:
adopt-explain-same = build skriver den tilbake byte for byte
adopt-diff-now = { $path } (nå)
adopt-diff-built = { $path } (slik build lager den av lageret)
error-adopt-explain-lang = --explain krever --lang (ett språk)
error-adopt-unknown-doc = { $path } er verken en kildepost eller den oversatte versjonen av en
error-not-localized = { $path } er ikke den oversatte versjonen av en kildepost
error-source-changed = { $path } ble endret mens tolkar arbeidet med den; kjør kommandoen igjen

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
check-postings = poster: { $managed } håndterte ({ $share } %), av dem { $merged } flettet med egne forskjeller; { $conflicts } i konflikt; { $unmanaged } uhåndterte
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
# issue13-ux: what review step shows of each segment ($number of $total)
review-step-segment = [{ $number }/{ $total }] { $id } (linje { $line })
review-step-source = kilde: { $text }
review-step-translation = oversettelse: { $text }

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

## help
# --help (engelsken står i doc-kommentarene i src/cli.rs, ikke i den engelske
# filen). help-<kommando> er første avsnitt, help-<kommando>-long resten;
# help-<kommando>-<argument> et arguments hjelp, help-<kommando>-<argument>-<verdi>
# en mulig verdi. Skriv hele setninger med punktum: kort hjelp mister punktumet
# som hos clap. Flaggnavn, verdier, plassholdere og filnavn oversettes ikke.

help-clap-usage = Bruk:
help-clap-commands = Kommandoer:
help-clap-arguments = Argumenter:
help-clap-options = Valg:
help-clap-help = Vis hjelp
help-clap-help-more = Vis hjelp (mer med '--help')
help-clap-help-summary = Vis hjelp (et sammendrag med '-h')
help-clap-version = Vis versjon
help-clap-help-command = Vis denne meldingen eller hjelpen for de oppgitte underkommandoene
help-clap-default = [standard: { $value }]
help-clap-possible-values = [mulige verdier: { $values }]
help-clap-possible-values-heading = Mulige verdier:

help-about = Oversettelsesstyring for Hugo-innlegg: hent ut den oversettbare teksten, følg den per språk, vis hva som er blitt utdatert, og bygg de oversatte innleggene på nytt med front matter og shortcodes intakt.
help-directory = Kjør som om tolkar var startet i DIR.
help-ui-lang = Språk for tolkars meldinger og denne hjelpen (en, sv, da, nb); som standard fra LC_ALL, LC_MESSAGES eller LANG.

help-extract = Skriv ut de oversettbare segmentene i ett innlegg (trenger ikke noe prosjekt).
help-extract-file = Innlegget som skal leses.
help-extract-format = text for mennesker, json for skript.

help-pseudo = Skriv ut ett innlegg satt sammen igjen med hvert segment pseudooversatt.
help-pseudo-file = Innlegget som skal leses.
help-pseudo-mode = identity: hvert segment oversatt til seg selv (skal bli likt input); expand: med aksenter og ~30 % lengre.

help-init = Skriv en tolkar.toml for nettstedet her, ut fra Hugo-konfigurasjonen.
help-init-long = Leser Hugo-konfigurasjonen (språk, innholdsmapper, mounts), innleggene og shortcode-malene, og skriver hver verdi med en kommentar om hvor den kom fra. Flaggene går foran det nettstedet sier; uten Hugo-konfigurasjon kreves --targets.
help-init-source = Språket innleggene er skrevet på [standard: Hugos defaultContentLanguage, eller en].
help-init-targets = Språkene det skal oversettes til, kommaseparert [standard: nettstedets andre språk, etter weight].
help-init-layout = content/<lang>/x.md (by-directory) eller content/x.<lang>.md (by-filename) [standard: slik nettstedet gjør].
help-init-force = Overskriv en eksisterende tolkar.toml.
help-init-dry-run = Skriv konfigurasjonen til stdout i stedet for å lagre den.

help-sync = Les inn alle kildeinnlegg i lageret.

help-status = Vis hvor mye som er oversatt, utdatert og mangler, per språk.
help-status-lang = Bare dette språket.
help-status-docs = List også opp hvert dokument.
help-status-format = text for mennesker, json for skript.

help-stale = Synkroniser, og vis deretter hver utdatert oversettelse med en ordvis diff av endringen i kilden, det sist endrede innlegget først.
help-stale-lang = Bare dette språket.
help-stale-doc = Bare innlegg der stien (relativ til prosjektet) passer. Kan gjentas.
help-stale-format = text for mennesker (i farger i en terminal), json for skript.

help-check = Synkroniser, og vurder deretter hvert språk mot policyen, for CI: avslutningsstatus 1 hvis det feiler.
help-check-long = Policyen kommer fra [check] i tolkar.toml, eller fra flaggene.
help-check-lang = Bare dette språket.
help-check-format = text, json, junit, github (workflow-kommandoer) eller markdown.
help-check-fail-on = Hva som får kontrollen til å feile, kommaseparert: stale, missing, machine, conflict.
help-check-min-coverage = Laveste andel segmenter med en oppdatert oversettelse, i prosent.
help-check-no-write = Synkroniser i en transaksjon som rulles tilbake: lageret blir som det var (skrivebeskyttet CI).

help-report = Synkroniser, og skriv deretter én frittstående HTML-side for redaktører: fremdrift, innlegg etter hvor utdaterte de er, og endringen i hvert utdatert segment.
help-report-html = Skriv HTML-rapporten (den eneste typen som finnes).
help-report-output = Filen som skal skrives.
help-report-lang = Bare dette språket.

help-adopt = Overta oversettelsene et nettsted allerede har: still hvert oversatt innlegg opp mot kilden og lagre tekstene som oversettelser.
help-adopt-long = Front matter-verdier som oversettelsen eier (slug, aliases, en lokal dato, nøkler bare den har), beholdes og skrives tilbake av build, og det gjør alle andre egne forskjeller (en lenke, mellomrom): build fletter inn kildens endringer. Det som ikke passer sammen, listes per innlegg med linjene sine. Kjør den igjen for å ta håndredigeringer i oversatte innlegg inn i lageret.
help-adopt-lang = Bare dette språket.
help-adopt-doc = Bare innlegg der kildestien passer. Kan gjentas.
help-adopt-dry-run = Vis hva som ville blitt overtatt; lagre ingenting.
help-adopt-explain = Vis hvordan ett innlegg (kilde- eller oversatt sti) skiller seg fra det build lager av lageret, og hva det beholder; krever --lang.

help-review = Behandle oversettelser uten å eksportere dem: bekreft utdaterte, godkjenn maskinoversettelser, sett en ny tekst.
help-review-confirm = Utdaterte oversettelser gjelder fortsatt for den nye kilden: behold dem, nå som oppdaterte.
help-review-confirm-lang = Språket til oversettelsene.
help-review-confirm-ids = Segmenter etter id (path#key).
help-review-confirm-doc = Alle segmenter i innlegg der stien passer. Kan gjentas.
help-review-confirm-all = Alle segmenter på språket.
help-review-approve = Merk maskinoversettelser, utkast og oversettelser som gjennomgått.
help-review-approve-lang = Språket til oversettelsene.
help-review-approve-ids = Segmenter etter id (path#key).
help-review-approve-doc = Alle segmenter i innlegg der stien passer. Kan gjentas.
help-review-approve-all = Alle segmenter på språket.
help-review-step = Gå gjennom de utdaterte oversettelsene én om gangen: se endringen i kilden og oversettelsen, og behold, rediger eller hopp over den.
help-review-step-long = Svarene leses fra standard inn: k (behold), e (rediger: den nye teksten på neste linje), s eller en tom linje (hopp over), q (avslutt). Det som er bestemt, lagres når det siste segmentet er ferdig, eller ved q eller slutten av input.
help-review-step-lang = Språket til oversettelsene.
help-review-step-doc = Bare innlegg der stien passer. Kan gjentas.
help-review-set = Gi ett segment en ny oversettelse (tilstand translated).
help-review-set-lang = Språket til oversettelsen.
help-review-set-id = Segmentet: path#key, slik `export` og `stale` viser det.
help-review-set-text = Den nye oversettelsen, med kildens plassholdere.

help-build = Synkroniser, og skriv deretter de oversatte innleggene der innholdet endres.
help-build-lang = Bare dette språket.
help-build-missing = Hva som skal skje med segmenter uten oversettelse.
help-build-missing-fallback = Bruk kildeteksten og rapporter det.
help-build-missing-skip = Ikke skriv det innlegget.
help-build-missing-error = Stopp med en feil.
help-build-force = Overskriv oversatte innlegg som tolkar ikke har skrevet, eller som er i konflikt (en ren fletting er fortsatt en fletting).
help-build-prune = Fjern de oversatte innleggene tolkar skrev der kildeposten ikke lenger finnes (aldri ett med egen tekst).
help-build-long = Et innlegg med egne forskjeller (en håndredigering, en lenke eller en verdi oversettelsen beholder) flettes: forskjellene blir stående, kildens endringer føres inn. Et innlegg der egne endringer kolliderer med dem, blir latt være og listet; avslutningsstatusen er da 1.
help-merge-explain = Det oversatte innlegget som skal forklares (stien i nettstedet).
help-merge = Vis treveisflettingen build gjør for ett oversatt innlegg: egne forskjeller, builds endringer og resultatet. Skriver ingenting.

help-export = Synkroniser, og skriv deretter ut segmentene for ett språk til oversettere.
help-export-long = Formater: XLIFF 2, XLIFF 1.2, PO, CSV eller JSON. Hver enhet har sin id (path#key), kilde, mål, tilstand, plassering, den forrige kilden for en utdatert enhet og treff fra oversettelsesminnet.
help-export-lang = Språket det skal oversettes til.
help-export-format = Filformatet.
help-export-format-xliff2 = XLIFF 2.0, for CAT-verktøy (memoQ, Trados, Phrase).
help-export-format-xliff12 = XLIFF 1.2, for OmegaT og eldre CAT-verktøy.
help-export-format-po = GNU gettext PO, for Poedit og Weblate.
help-export-format-csv = Kommaseparerte verdier, for regneark.
help-export-format-json = JSON, for skript.
help-export-state = Hvilke segmenter, kommaseparert: missing, stale, machine, draft, translated, reviewed eller all.
help-export-doc = Bare innlegg der stien (relativ til prosjektet) passer, f.eks. 'content/sv/jobs/**'. Kan gjentas.
help-export-output = Skriv til FILE, eller til DIR/LANG.EXT hvis det er en mappe; standard: standard ut.

help-import = Les inn oversettelser igjen fra XLIFF-, PO-, CSV- eller JSON-filer.
help-import-long = Hver enhet kontrolleres mot prosjektet: id-en, språket, plassholderne og kilden den ble laget fra. Blir en enhet avvist, lagres ingenting (med mindre --partial er gitt), og avslutningsstatus er 2.
help-import-files = Filene som skal leses; formatet gjenkjennes automatisk.
help-import-lang = Språket til oversettelsene, for filer som ikke oppgir det.
help-import-state = Lagre hver oversettelse i denne tilstanden (machine, draft, translated, reviewed), uansett hva filen sier.
help-import-dry-run = Kontroller og rapporter, men lagre ingenting.
help-import-partial = Lagre de gyldige enhetene selv om noen avvises.

help-translate = Maskinoversett manglende og utdaterte segmenter gjennom en kommando.
help-translate-long = Kommandoen leser ett JSON-objekt per linje på stdin (id, source_lang, target_lang, text, context) og skriver ett per linje (id, text). Resultatene lagres i tilstanden machine (må gjennomgås).
help-translate-lang = Språket det skal oversettes til.
help-translate-command = Skallkommandoen som skal kjøres; standard: `[translate] command` i tolkar.toml.
help-translate-doc = Bare innlegg der stien (relativ til prosjektet) passer. Kan gjentas.
help-translate-batch = Segmenter per kjøring av kommandoen.
help-translate-timeout = Sekunder én kjøring av kommandoen kan ta.
help-translate-force = Send også segmenter som allerede har en oppdatert oversettelse.

help-tm = Oversettelsesminnet.
help-tm-search = Oversettelser av tekster som ligner TEXT, beste først.
help-tm-search-text = Kildeteksten det skal søkes etter.
help-tm-search-lang = Språket til oversettelsene.
help-tm-search-min = Laveste likhet som vises, i prosent; standard: `[memory] threshold` i tolkar.toml (75).
help-tm-search-limit = Det høyeste antallet treff som vises.
help-tm-search-format = text for mennesker, json for skript.

## limits (issue 13: what one input may cost, and control characters)

error-posting-too-large = { $path } er { $size }, mer enn et innlegg kan være ({ $limit }, [limits] posting_size i tolkar.toml); det ble ikke lest
import-refused-control-character = oversettelsen har kontrolltegnet { $character } (tegn { $position }); bare tabulator og linjeskift kan være i en oversettelse
error-review-control-character = { $id }: den nye teksten har kontrolltegnet { $character } (tegn { $position }); bare tabulator og linjeskift kan være i en oversettelse
error-translate-line-too-long = maskinoversettelseskommandoen skrev en linje lengre enn { $limit } (linje { $line } av utdataene; [limits] translate_line i tolkar.toml), så den ble stoppet, og ingenting fra denne omgangen ble lagret ({ $command })
error-translate-too-much-output = maskinoversettelseskommandoen skrev mer enn { $limit } for én omgang ([limits] translate_output i tolkar.toml), så den ble stoppet, og ingenting fra denne omgangen ble lagret ({ $command })

## Configuration checks and the command line (issue 13: doctor, discovery, -C, --quiet/--verbose, check's empty guard)
error-config-not-found = ingen tolkar.toml i { $dir } eller noen mappe over (kjør `tolkar init` i nettstedets rot først)
error-source-dir-missing = { $path }:{ $line }: kildemappen { $dir } (source_language = "{ $lang }") finnes ikke; innholdsmappen har: { $found }. Er source_language riktig?
error-directory = kan ikke bytte til mappen { $path }: { $error }
verbose-project = Bruker { $config }; lager { $store } ({ $present ->
        [yes] finnes
       *[no] mangler
    }); { $postings } kildeinnlegg.
verbose-timing = { $stage }: { $seconds } s
check-empty-no-postings = ingen kildeinnlegg i { $dir } (source_language = "{ $lang }"): ingenting ble kontrollert. Angi --allow-empty, eller sett allow_empty = true under [check] i tolkar.toml, hvis et tomt prosjekt er ventet.
check-empty-nothing-translated = ingenting er oversatt til { $langs }: kontrollen ville bestått uten en eneste oversettelse. Angi --allow-empty, eller sett allow_empty = true under [check] i tolkar.toml, hvis det er ventet.
check-empty-fresh = ingenting er oversatt til { $langs }, og det finnes verken et lager ({ $store }) eller en innsjekket teksttilstand ({ $state }): en ny klon der teksttilstanden ikke ble sjekket inn? Sjekk inn { $state }, eller angi --allow-empty (eller sett allow_empty = true under [check] i tolkar.toml) hvis det er ventet.
check-left-out = … og { $count } problemer til som ikke er listet (--max-problems).
doctor-ok = ok
doctor-note = merknad
doctor-warning = advarsel
doctor-error = feil
doctor-config = konfigurasjon: { $path }
doctor-language = { $key }: { $lang } (BCP 47: { $tag })
doctor-language-not-bcp47 = { $path }:{ $line }: { $key }: { $lang } er ikke en BCP 47-språkkode (Hugo godtar den; verktøy som leser de eksporterte filene, gjør det kanskje ikke)
doctor-postings = kildeinnlegg: { $count } i { $dir }
doctor-no-postings = kildeinnlegg: ingen i { $dir } (`tolkar check` feiler på et tomt prosjekt med mindre allow_empty er satt)
doctor-store-present = lager: { $path }
doctor-store-absent = lager: ikke noe ennå i { $path } (sync oppretter det)
doctor-state-present = teksttilstand: { $path }
doctor-state-absent = teksttilstand: ingen i { $path }
doctor-fresh = verken lager eller teksttilstand: ingenting er oversatt ennå, eller teksttilstanden ble ikke sjekket inn (`tolkar check` feiler når ingenting er oversatt, med mindre allow_empty er satt)
doctor-summary = { $errors } feil, { $warnings } advarsler.
help-quiet = Skriv bare ut feil og kommandoens utdata: ingen sammendrag eller merknader.
help-verbose = Si også hvilken tolkar.toml og hvilket lager som brukes, og hvor lang tid hvert steg tar.
help-color = Når utdata skal farges: auto (på en terminal, med mindre NO_COLOR er satt), always, never.
help-doctor = Vis alle kontroller av konfigurasjonen på én gang: språk, mapper, kildeinnlegg, lager og teksttilstand.
help-doctor-long = Leser tolkar.toml og nettstedet, skriver ingenting. Avslutningsstatus 2 hvis en kontroll er en feil.
help-completions = Skriv ut et fullføringsskript for SHELL på standard ut.
help-completions-shell = Skallet skriptet skrives for.
help-check-allow-empty = Godta et prosjekt uten kildeinnlegg, eller uten noen oversettelse i noe kontrollert språk (ellers avslutningsstatus 2).
help-check-max-problems = List opp høyst N problemer (text, github, markdown) og si hvor mange flere det er [standard: github 50, øvrige alle].
cli-error-unknown-argument = uventet argument '{ $arg }'
cli-error-unknown-subcommand = ukjent underkommando '{ $name }'
cli-error-invalid-value = ugyldig verdi '{ $value }' for '{ $arg }'
cli-error-missing-value = '{ $arg }' krever en verdi, men fikk ingen
cli-error-possible-values = [mulige verdier: { $values }]
cli-error-missing-argument = disse påkrevde argumentene mangler:
cli-error-missing-subcommand = '{ $name }' krever en underkommando, men fikk ingen
cli-error-subcommands = [underkommandoer: { $names }]
cli-error-similar = tips: det finnes en lignende: { $names }
cli-error-more-info = Mer informasjon får du med '--help'.

## report --html (the page is in the UI language)
report-title = Oversettelsesrapport
report-source-language = Kildespråk: { $lang }
report-postings = Innlegg: { $managed } styrt ({ $percent } %), av dem { $merged } flettet med egne forskjeller; { $conflict } i konflikt; { $unmanaged } ikke styrt.
report-conflicts = I konflikt
report-conflicts-meta = Oversettelsens egne endringer og kildens endringer kolliderer; build lar disse innleggene være som de er til en av sidene endres.
report-line = linje { $line }
report-progress = fremdrift
report-translated = oversatt
report-machine = maskinoversatt
report-stale = utdatert
report-missing = mangler
report-total = totalt { $total }
report-posting = Innlegg
report-column-stale = Utdaterte
report-column-missing = Mangler
report-column-machine = Maskin
report-column-translated = Oversatte
report-column-total = Totalt
report-no-stale = Ingen utdaterte oversettelser.
report-stale-heading = Utdaterte oversettelser ({ $count })
report-source-change = Endring i kilden
report-current-translation = Nåværende oversettelse
