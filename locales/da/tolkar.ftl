# tolkar: beskeder til mennesker, dansk.
#
# Samme id'er som i den engelske fil, og kun variabler, som den engelske
# tekst bruger. Variabelnavne skrives med understregning.

## errors

error-prefix = fejl
error-io = kan ikke læse { $path }: { $error }
error-write = kan ikke skrive { $path }: { $error }
error-state-conflict = { $path }:{ $line }: en uløst flettekonflikt (gits konfliktmarkører); løs den, og kør tolkar igen. Intet blev gemt.
error-state-syntax = { $path }:{ $line }:{ $column }: ikke en tilstandsfil fra tolkar: { $error }. Intet blev gemt.
# issue13-ux: a state file whose translation has a control character
error-state-control-character = { $path }:{ $line }: oversættelsen af { $key } har kontroltegnet { $character } (tegn { $position }); kun tabulator og linjeskift må være i en oversættelse. Fjern det, og kør tolkar igen. Intet blev gemt.
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
# issue13-ux: waiting for the store's write lock
error-db-locked = en anden tolkar-kommando skriver stadig i lageret ({ $path }); prøv igen, når den er færdig
store-waiting = venter på, at en anden tolkar-kommando på dette websted bliver færdig ({ $path })
error-lock-timeout-env = TOLKAR_LOCK_TIMEOUT_MS er { $value }: angiv et antal millisekunder, for eksempel 30000
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
sync-renamed = { $from } → { $to }: omdøbt; dens oversættelser og deres tilstande følger med
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
status-conflict = { $path }:{ $line }: i konflikt ({ $lang }): dens egne rettelser og kildens ændringer støder sammen; build lader den være
status-postings-header = Sprog   Håndterede   Flettede   Konflikt   Uhåndterede
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
build-conflict = { $path }:{ $line }: ikke skrevet: filens egen ændring og kildens ændring støder sammen her (filen har »{ $ours }«, build ville skrive »{ $theirs }«); ret en af dem, eller lad `tolkar adopt --lang { $lang }` tage filens tekst ind
build-merged =
    { $lang }: { $merged ->
        [one] { $merged } indlæg beholder
       *[other] { $merged } indlæg beholder
    } egne forskelle, flettet med buildens ændringer; { $conflicts } i konflikt.
build-skipped-foreign = { $path }: ikke skrevet: filen blev ikke skrevet af tolkar, eller er ændret siden sidste build. `tolkar adopt --lang { $lang }` tager dens tekst ind i lageret; `tolkar adopt --explain { $path } --lang { $lang }` viser hvad build ville ændre; --force overskriver den.
# issue13-ux: a localized posting too large to merge with
build-skipped-too-large = { $path }: ikke skrevet: filen har egne ændringer og er { $size }, mere end et indlæg må være ({ $limit }, [limits] posting_size i tolkar.toml); den blev ikke læst. --force overskriver den.
build-skipped-taken = { $path }: ikke skrevet for { $owner }: filen er et andet indlægs oversættelse (parret via translationKey)
build-orphan-kept = { $path }: dets kildeindlæg findes ikke længere, men det har egen tekst; ikke fjernet (slet det i hånden, hvis det skal væk)
build-pruned = { $path }: fjernet, dets kildeindlæg findes ikke længere
build-orphan = { $path }: dets kildeindlæg findes ikke længere; `tolkar build --prune` fjerner det
build-not-moved = { $from }: ikke flyttet til { $to }, hvor der allerede er en fil; flyt eller sammenflet dem i hånden
build-moved = { $from } → { $to }: flyttet med sit kildeindlæg
build-skipped-unreadable = { $path }: skrives ikke: med sine oversættelser kunne den ikke læses som posting ({ $reason }); ret oversættelsen
build-skipped-source-changed = { $path }: skrives ikke: kilden { $source } blev ændret mens build kørte; kør build igen

## adopt
adopt-differs = har egne forskelle fra det, build skriver (den første på linje { $line }); build beholder dem og fletter kildens ændringer ind (`tolkar adopt --explain { $path } --lang { $lang }` viser dem)
adopt-orphan = { $path }: intet kildeindlæg; lades urørt
adopt-links-suggest = { $lang }: { $localized } af { $total } interne links i oversættelserne peger på sprogets egne sider; tilføj "{ $lang }" til localize under [links] i tolkar.toml, så gør build det for hvert indlæg, også nye.
adopt-links-unlike = { $lang }: [links] i tolkar.toml lokaliserer interne links, men { $kept } af { $total } i oversættelserne peger på kildens sider; build beholder hver oversættelses egne og skriver lokaliserede i nye indlæg.
merge-explain-new = Filen findes ikke endnu: build skriver den.
merge-explain-unreadable = Build ville ikke skrive den: den kunne ikke læses tilbage som et indlæg ({ $reason }).
merge-explain-no-base = tolkar har hverken skrevet eller overtaget denne fil, så der er intet at flette med: `tolkar adopt --lang { $lang }` overtager den.
merge-explain-conflict = Konflikt på linje { $line }: filen har “{ $ours }”, build ville skrive “{ $theirs }”. Build lader filen være.
merge-explain-merges = Fletningen går rent; build ændrer filen sådan:
merge-explain-writes = Filen har ingen egne forskelle: build skriver det, den laver nu.
merge-explain-none = (ingen)
merge-explain-theirs = Builds ændringer (det, tolkar sidst skrev → det, build laver nu):
merge-explain-ours = Filens egne forskelle (det, tolkar sidst skrev → filen):
merge-explain-head = { $path } ({ $lang }), oversættelsen af { $source }
adopt-summary = { $lang }: { $postings } oversatte indlæg, { $adopted } af { $segments } segmenter overtaget ({ $adopted_share } %); { $identical } genopbygges byte for byte og { $merged } har egne forskelle, som build beholder; { $stored } oversættelser nye eller ændrede.
adopt-dry-run = Prøvekørsel: intet blev gemt.
adopt-shared-key = translationKey "{ $key }" står på flere indlæg ({ $paths }): parres ikke
adopt-missing = mangler: { $key } (kildelinje { $line })
adopt-unmatched = tekst uden modstykke på linje { $line }: { $text }
adopt-not-adopted = ikke overtaget: { $key } (linje { $line }): { $reason }, modsat kilden (linje { $source_line })
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
adopt-explain-differs = den adskiller sig fra det, build laver af lageret, først på linje { $line }, kolonne { $column }; build beholder forskellene og fletter kildens ændringer ind:
adopt-explain-same = build skriver den tilbage byte for byte
adopt-diff-now = { $path } (nu)
adopt-diff-built = { $path } (som build laver den af lageret)
error-adopt-explain-lang = --explain kræver --lang (ét sprog)
error-adopt-unknown-doc = { $path } er hverken et kildeindlæg eller den oversatte udgave af et
error-not-localized = { $path } er ikke den oversatte udgave af et kildeindlæg
error-source-changed = { $path } blev ændret mens tolkar arbejdede med den; kør kommandoen igen

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
check-postings = indlæg: { $managed } håndterede ({ $share } %), heraf { $merged } flettet med egne forskelle; { $conflicts } i konflikt; { $unmanaged } uhåndterede
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
# issue13-ux: what review step shows of each segment ($number of $total)
review-step-segment = [{ $number }/{ $total }] { $id } (linje { $line })
review-step-source = kilde: { $text }
review-step-translation = oversættelse: { $text }

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

## help
# --help (det engelske står i doc-kommentarerne i src/cli.rs, ikke i den engelske
# fil). help-<kommando> er første afsnit, help-<kommando>-long resten;
# help-<kommando>-<argument> et arguments hjælp, help-<kommando>-<argument>-<værdi>
# en mulig værdi. Skriv hele sætninger med punktum: kort hjælp mister punktummet
# som hos clap. Flagnavne, værdier, pladsholdere og filnavne oversættes ikke.

help-clap-usage = Brug:
help-clap-commands = Kommandoer:
help-clap-arguments = Argumenter:
help-clap-options = Tilvalg:
help-clap-help = Vis hjælp
help-clap-help-more = Vis hjælp (mere med '--help')
help-clap-help-summary = Vis hjælp (et resumé med '-h')
help-clap-version = Vis version
help-clap-help-command = Vis denne meddelelse eller hjælpen til de angivne underkommandoer
help-clap-default = [standard: { $value }]
help-clap-possible-values = [mulige værdier: { $values }]
help-clap-possible-values-heading = Mulige værdier:

help-about = Oversættelsesstyring for Hugo-indlæg: træk den oversættelige tekst ud, følg den pr. sprog, vis, hvad der er blevet forældet, og genopbyg de oversatte indlæg med front matter og shortcodes intakte.
help-directory = Kør, som om tolkar var startet i DIR.
help-ui-lang = Sprog for tolkars meddelelser og denne hjælp (en, sv, da, nb); som standard fra LC_ALL, LC_MESSAGES eller LANG.

help-extract = Udskriv de oversættelige segmenter i ét indlæg (intet projekt nødvendigt).
help-extract-file = Indlægget, der skal læses.
help-extract-format = text til mennesker, json til scripts.

help-pseudo = Udskriv ét indlæg samlet igen med hvert segment pseudooversat.
help-pseudo-file = Indlægget, der skal læses.
help-pseudo-mode = identity: hvert segment oversat til sig selv (skal være identisk med input); expand: med accenter og ~30 % længere.

help-init = Skriv en tolkar.toml for webstedet her ud fra dets Hugo-konfiguration.
help-init-long = Læser Hugo-konfigurationen (sprog, indholdsmapper, mounts), indlæggene og shortcode-skabelonerne og skriver hver værdi med en kommentar om, hvor den kommer fra. Flagene går forud for det, webstedet siger; uden Hugo-konfiguration kræves --targets.
help-init-source = Sproget, indlæggene er skrevet på [standard: Hugos defaultContentLanguage eller en].
help-init-targets = Sprogene, der skal oversættes til, kommasepareret [standard: webstedets øvrige sprog efter weight].
help-init-layout = content/<lang>/x.md (by-directory) eller content/x.<lang>.md (by-filename) [standard: som webstedet gør].
help-init-force = Overskriv en eksisterende tolkar.toml.
help-init-dry-run = Skriv konfigurationen til stdout i stedet for at gemme den.

help-sync = Indlæs alle kildeindlæg i lageret.

help-status = Vis, hvor meget der er oversat, forældet og mangler, pr. sprog.
help-status-lang = Kun dette sprog.
help-status-docs = Vis også hvert dokument.
help-status-format = text til mennesker, json til scripts.

help-stale = Synkroniser, og vis derefter hver forældet oversættelse med en ordvis diff af kildens ændring, det senest ændrede indlæg først.
help-stale-lang = Kun dette sprog.
help-stale-doc = Kun indlæg, hvis sti (relativ til projektet) passer. Kan gentages.
help-stale-format = text til mennesker (i farver i en terminal), json til scripts.

help-check = Synkroniser, og bedøm derefter hvert sprog efter politikken, til CI: slutstatus 1, hvis det fejler.
help-check-long = Politikken kommer fra [check] i tolkar.toml eller fra flagene.
help-check-lang = Kun dette sprog.
help-check-format = text, json, junit, github (workflow-kommandoer) eller markdown.
help-check-fail-on = Hvad der får kontrollen til at fejle, kommasepareret: stale, missing, machine, conflict.
help-check-min-coverage = Den laveste andel segmenter med en aktuel oversættelse, i procent.
help-check-no-write = Synkroniser i en transaktion, der rulles tilbage: lageret efterlades, som det var (skrivebeskyttet CI).

help-report = Synkroniser, og skriv derefter én selvstændig HTML-side til redaktører: fremskridt, indlæg efter hvor forældede de er, og ændringen i hvert forældet segment.
help-report-html = Skriv HTML-rapporten (den eneste type, der findes).
help-report-output = Filen, der skal skrives.
help-report-lang = Kun dette sprog.

help-adopt = Overtag de oversættelser, et websted allerede har: stil hvert oversat indlæg op mod sin kilde, og gem dets tekster som oversættelser.
help-adopt-long = Front matter-værdier, som oversættelsen ejer (slug, aliases, en lokal dato, nøgler, kun den har), beholdes og skrives tilbage af build, og det gør enhver anden egen forskel (et link, blanktegn): build fletter kildens ændringer ind i den. Det, der ikke passer sammen, vises pr. indlæg med sine linjer. Kør den igen for at tage håndrettelser i oversatte indlæg ind i lageret.
help-adopt-lang = Kun dette sprog.
help-adopt-doc = Kun indlæg, hvis kildesti passer. Kan gentages.
help-adopt-dry-run = Vis, hvad der ville blive overtaget; gem intet.
help-adopt-explain = Vis, hvordan ét indlæg (kilde- eller oversat sti) adskiller sig fra det, build laver af lageret, og hvad det beholder; kræver --lang.

help-review = Behandl oversættelser uden at eksportere dem: bekræft forældede, godkend maskinoversættelser, angiv en ny tekst.
help-review-confirm = Forældede oversættelser gælder stadig for den nye kilde: behold dem, nu som aktuelle.
help-review-confirm-lang = Oversættelsernes sprog.
help-review-confirm-ids = Segmenter efter id (path#key).
help-review-confirm-doc = Alle segmenter i indlæg, hvis sti passer. Kan gentages.
help-review-confirm-all = Alle segmenter på sproget.
help-review-approve = Markér maskinoversættelser, kladder og oversættelser som gennemgået.
help-review-approve-lang = Oversættelsernes sprog.
help-review-approve-ids = Segmenter efter id (path#key).
help-review-approve-doc = Alle segmenter i indlæg, hvis sti passer. Kan gentages.
help-review-approve-all = Alle segmenter på sproget.
help-review-step = Gå de forældede oversættelser igennem én ad gangen: se kildens ændring og oversættelsen, og behold, rediger eller spring den over.
help-review-step-long = Svarene læses fra standard input: k (behold), e (rediger: den nye tekst på næste linje), s eller en tom linje (spring over), q (afslut). Det, der er besluttet, gemmes, når det sidste segment er klaret, eller ved q eller slutningen af input.
help-review-step-lang = Oversættelsernes sprog.
help-review-step-doc = Kun indlæg, hvis sti passer. Kan gentages.
help-review-set = Giv ét segment en ny oversættelse (tilstand translated).
help-review-set-lang = Oversættelsens sprog.
help-review-set-id = Segmentet: path#key, som `export` og `stale` viser det.
help-review-set-text = Den nye oversættelse med kildens pladsholdere.

help-build = Synkroniser, og skriv derefter de oversatte indlæg, hvis indhold ændres.
help-build-lang = Kun dette sprog.
help-build-missing = Hvad der skal ske med segmenter uden oversættelse.
help-build-missing-fallback = Brug kildeteksten, og meld det.
help-build-missing-skip = Skriv ikke det indlæg.
help-build-missing-error = Stop med en fejl.
help-build-force = Overskriv oversatte indlæg, som tolkar ikke har skrevet, eller som er i konflikt (en ren fletning er stadig en fletning).
help-build-prune = Fjern de oversatte indlæg, tolkar skrev, hvis kildeindlæg ikke længere findes (aldrig et med egen tekst).
help-build-long = Et indlæg med egne forskelle (en håndrettelse, et link eller en værdi, som oversættelsen beholder) flettes: dets forskelle bliver, kildens ændringer føres ind. Et, hvis egne rettelser støder sammen med dem, lades være og vises; afslutningsstatus er da 1.
help-merge-explain = Det oversatte indlæg, der skal forklares (dets sti i webstedet).
help-merge = Vis den trevejsfletning, build laver for ét oversat indlæg: dets egne forskelle, builds ændringer og resultatet. Skriver intet.

help-export = Synkroniser, og skriv derefter ét sprogs segmenter ud til oversættere.
help-export-long = Formater: XLIFF 2, XLIFF 1.2, PO, CSV eller JSON. Hver enhed har sit id (path#key), kilde, mål, tilstand, placering, den tidligere kilde for en forældet enhed og match fra oversættelseshukommelsen.
help-export-lang = Sproget, der skal oversættes til.
help-export-format = Filformatet.
help-export-format-xliff2 = XLIFF 2.0, til CAT-værktøjer (memoQ, Trados, Phrase).
help-export-format-xliff12 = XLIFF 1.2, til OmegaT og ældre CAT-værktøjer.
help-export-format-po = GNU gettext PO, til Poedit og Weblate.
help-export-format-csv = Kommaseparerede værdier, til regneark.
help-export-format-json = JSON, til scripts.
help-export-state = Hvilke segmenter, kommasepareret: missing, stale, machine, draft, translated, reviewed eller all.
help-export-doc = Kun indlæg, hvis sti (relativ til projektet) passer, f.eks. 'content/sv/jobs/**'. Kan gentages.
help-export-output = Skriv til FILE, eller til DIR/LANG.EXT, hvis det er en mappe; standard: standard output.

help-import = Indlæs oversættelser igen fra XLIFF-, PO-, CSV- eller JSON-filer.
help-import-long = Hver enhed kontrolleres mod projektet: dens id, dens sprog, dens pladsholdere, kilden, den blev lavet ud fra. Afvises en enhed, gemmes intet (medmindre --partial er angivet), og slutstatus er 2.
help-import-files = Filerne, der skal læses; formatet genkendes automatisk.
help-import-lang = Oversættelsernes sprog, for filer, der ikke angiver det.
help-import-state = Gem hver oversættelse i denne tilstand (machine, draft, translated, reviewed), uanset hvad filen siger.
help-import-dry-run = Kontrollér og rapportér, men gem intet.
help-import-partial = Gem de gyldige enheder, selv om nogle afvises.

help-translate = Maskinoversæt manglende og forældede segmenter gennem en kommando.
help-translate-long = Kommandoen læser ét JSON-objekt pr. linje på stdin (id, source_lang, target_lang, text, context) og skriver ét pr. linje (id, text). Resultaterne gemmes i tilstanden machine (skal gennemgås).
help-translate-lang = Sproget, der skal oversættes til.
help-translate-command = Shell-kommandoen, der skal køres; standard: `[translate] command` i tolkar.toml.
help-translate-doc = Kun indlæg, hvis sti (relativ til projektet) passer. Kan gentages.
help-translate-batch = Segmenter pr. kørsel af kommandoen.
help-translate-timeout = Sekunder, én kørsel af kommandoen må tage.
help-translate-force = Send også segmenter, der allerede har en aktuel oversættelse.

help-tm = Oversættelseshukommelsen.
help-tm-search = Oversættelser af tekster, der ligner TEXT, bedste først.
help-tm-search-text = Kildeteksten, der skal søges efter.
help-tm-search-lang = Oversættelsernes sprog.
help-tm-search-min = Den laveste lighed, der vises, i procent; standard: `[memory] threshold` i tolkar.toml (75).
help-tm-search-limit = Det højeste antal match, der vises.
help-tm-search-format = text til mennesker, json til scripts.

## limits (issue 13: what one input may cost, and control characters)

error-posting-too-large = { $path } er { $size }, mere end et indlæg må være ({ $limit }, [limits] posting_size i tolkar.toml); det blev ikke læst
import-refused-control-character = oversættelsen har kontroltegnet { $character } (tegn { $position }); kun tabulator og linjeskift må være i en oversættelse
error-review-control-character = { $id }: den nye tekst har kontroltegnet { $character } (tegn { $position }); kun tabulator og linjeskift må være i en oversættelse
error-translate-line-too-long = maskinoversættelseskommandoen skrev en linje længere end { $limit } (linje { $line } af dens output; [limits] translate_line i tolkar.toml), så den blev stoppet, og intet fra denne omgang blev gemt ({ $command })
error-translate-too-much-output = maskinoversættelseskommandoen skrev mere end { $limit } for én omgang ([limits] translate_output i tolkar.toml), så den blev stoppet, og intet fra denne omgang blev gemt ({ $command })

## Configuration checks and the command line (issue 13: doctor, discovery, -C, --quiet/--verbose, check's empty guard)
error-config-not-found = ingen tolkar.toml i { $dir } eller nogen mappe ovenover (kør `tolkar init` i webstedets rod først)
error-source-dir-missing = { $path }:{ $line }: kildemappen { $dir } (source_language = "{ $lang }") findes ikke; indholdsmappen har: { $found }. Er source_language rigtig?
error-directory = kan ikke skifte til mappen { $path }: { $error }
verbose-project = Bruger { $config }; lager { $store } ({ $present ->
        [yes] findes
       *[no] mangler
    }); { $postings } kildeindlæg.
verbose-timing = { $stage }: { $seconds } s
check-empty-no-postings = ingen kildeindlæg i { $dir } (source_language = "{ $lang }"): intet blev kontrolleret. Angiv --allow-empty, eller sæt allow_empty = true under [check] i tolkar.toml, hvis et tomt projekt er forventet.
check-empty-nothing-translated = intet er oversat til { $langs }: kontrollen ville bestå uden en eneste oversættelse. Angiv --allow-empty, eller sæt allow_empty = true under [check] i tolkar.toml, hvis det er forventet.
check-empty-fresh = intet er oversat til { $langs }, og der er hverken et lager ({ $store }) eller en committet teksttilstand ({ $state }): en ny klon, hvis teksttilstand ikke blev committet? Commit { $state }, eller angiv --allow-empty (eller sæt allow_empty = true under [check] i tolkar.toml), hvis det er forventet.
check-left-out = … og { $count } problemer mere, som ikke er listet (--max-problems).
doctor-ok = ok
doctor-note = note
doctor-warning = advarsel
doctor-error = fejl
doctor-config = konfiguration: { $path }
doctor-language = { $key }: { $lang } (BCP 47: { $tag })
doctor-language-not-bcp47 = { $path }:{ $line }: { $key }: { $lang } er ikke et BCP 47-sprogmærke (Hugo godtager det; værktøjer, der læser de eksporterede filer, gør det måske ikke)
doctor-postings = kildeindlæg: { $count } i { $dir }
doctor-no-postings = kildeindlæg: ingen i { $dir } (`tolkar check` fejler på et tomt projekt, medmindre allow_empty er sat)
doctor-store-present = lager: { $path }
doctor-store-absent = lager: intet endnu i { $path } (sync opretter det)
doctor-state-present = teksttilstand: { $path }
doctor-state-absent = teksttilstand: ingen i { $path }
doctor-fresh = hverken lager eller teksttilstand: intet er oversat endnu, eller teksttilstanden blev ikke committet (`tolkar check` fejler, når intet er oversat, medmindre allow_empty er sat)
doctor-summary = { $errors } fejl, { $warnings } advarsler.
help-quiet = Skriv kun fejl og kommandoens output: ingen opsummeringer eller noter.
help-verbose = Sig også, hvilken tolkar.toml og hvilket lager der bruges, og hvor lang tid hvert trin tager.
help-color = Hvornår output farves: auto (på en terminal, medmindre NO_COLOR er sat), always, never.
help-doctor = Vis alle kontroller af konfigurationen på én gang: sprog, mapper, kildeindlæg, lager og teksttilstand.
help-doctor-long = Læser tolkar.toml og webstedet, skriver intet. Afslutningsstatus 2, hvis en kontrol er en fejl.
help-completions = Skriv et fuldførelsesscript for SHELL på standard-output.
help-completions-shell = Skallen, scriptet skrives til.
help-check-allow-empty = Godkend et projekt uden kildeindlæg, eller uden nogen oversættelse i noget kontrolleret sprog (ellers afslutningsstatus 2).
help-check-max-problems = List højst N problemer (text, github, markdown), og sig, hvor mange flere der er [standard: github 50, øvrige alle].
cli-error-unknown-argument = uventet argument '{ $arg }'
cli-error-unknown-subcommand = ukendt underkommando '{ $name }'
cli-error-invalid-value = ugyldig værdi '{ $value }' for '{ $arg }'
cli-error-missing-value = '{ $arg }' kræver en værdi, men fik ingen
cli-error-possible-values = [mulige værdier: { $values }]
cli-error-missing-argument = disse påkrævede argumenter mangler:
cli-error-missing-subcommand = '{ $name }' kræver en underkommando, men fik ingen
cli-error-subcommands = [underkommandoer: { $names }]
cli-error-similar = tip: der findes en lignende: { $names }
cli-error-more-info = Mere information får du med '--help'.

## report --html (the page is in the UI language)
report-title = Oversættelsesrapport
report-source-language = Kildesprog: { $lang }
report-postings = Opslag: { $managed } styret ({ $percent } %), heraf { $merged } flettet med egne forskelle; { $conflict } i konflikt; { $unmanaged } ikke styret.
report-conflicts = I konflikt
report-conflicts-meta = Oversættelsens egne rettelser og kildens ændringer støder sammen; build lader disse opslag være, til en af siderne ændres.
report-line = linje { $line }
report-progress = fremdrift
report-translated = oversat
report-machine = maskinoversat
report-stale = forældet
report-missing = mangler
report-total = i alt { $total }
report-posting = Opslag
report-column-stale = Forældede
report-column-missing = Mangler
report-column-machine = Maskine
report-column-translated = Oversatte
report-column-total = I alt
report-no-stale = Ingen forældede oversættelser.
report-stale-heading = Forældede oversættelser ({ $count })
report-source-change = Ændring i kilden
report-current-translation = Nuværende oversættelse
