# tolkar: meddelanden till människor, svenska.
#
# Samma id:n som i den engelska filen, och bara variabler som den engelska
# texten använder. Variabelnamnen skrivs med understreck.

## errors

error-prefix = fel
error-io = kan inte läsa { $path }: { $error }
error-write = kan inte skriva { $path }: { $error }
error-state-conflict = { $path }:{ $line }: en olöst sammanslagningskonflikt (gits konfliktmarkeringar); lös den och kör tolkar igen. Inget sparades.
error-state-syntax = { $path }:{ $line }:{ $column }: ingen tillståndsfil från tolkar: { $error }. Inget sparades.
# issue13-ux: a state file whose translation has a control character
error-state-control-character = { $path }:{ $line }: översättningen av { $key } har styrtecknet { $character } (tecken { $position }); bara tabb och radbrytning får finnas i en översättning. Ta bort det och kör tolkar igen. Inget sparades.
error-not-utf8 = { $path }:{ $line }:{ $column }: inte giltig UTF-8
error-is-directory = { $path } är en katalog, inte ett inlägg
error-binary = { $path } ser ut att vara en binärfil, inte ett inlägg
error-front-matter-unclosed = { $path }:{ $line }:{ $column }: front matter som öppnas med { $delimiter } stängs aldrig
error-front-matter-syntax = { $path }:{ $line }:{ $column }: ogiltig front matter ({ $format }): { $reason }
error-shortcode-unclosed = { $path }:{ $line }:{ $column }: shortcode-taggen som öppnas på rad { $opened } stängs aldrig (förväntade { $expected })
error-front-matter-delimiter = { $path }:{ $line }:{ $column }: en posting som börjar med { $found } måste börja med front matter { $delimiter } (Hugo vägrar också)
error-plain-html = { $path }:{ $line }:{ $column }: en posting som börjar med en HTML-tagg behöver front matter, även tom (Hugo läser inte ren HTML)
error-shortcode-at-start = { $path }:{ $line }:{ $column }: en posting som börjar med en shortcode läses av Hugo som JSON-front matter och vägras; lägg front matter, även tom, ovanför
error-html-comment-unclosed = { $path }:{ $line }:{ $column }: Hugo läser en HTML-kommentar överst i en posting som att den döljer front matter, och den här har ingen --> efter sig (lägg front matter, även tom, ovanför)
error-shortcode-unexpected-char = { $path }:{ $line }:{ $column }: oväntat { $found } i en shortcode-tagg (en parameter med andra tecken än bokstäver, siffror och - måste citeras)
error-shortcode-no-name = { $path }:{ $line }:{ $column }: shortcode-taggen saknar namn
error-shortcode-period-in-name = { $path }:{ $line }:{ $column }: punkt i ett shortcode-namn är bara tillåten i NAMN.inline
error-shortcode-close-without-open = { $path }:{ $line }:{ $column }: en avslutande shortcode-tagg, men ingen shortcode har öppnats före den
error-shortcode-close-unknown = { $path }:{ $line }:{ $column }: avslutande tagg för shortcoden { $name }, som aldrig öppnades
error-shortcode-close-not-alone = { $path }:{ $line }:{ $column }: bara mellanslag får följa namnet i den avslutande taggen för { $name }
error-shortcode-orphan-close = { $path }:{ $line }:{ $column }: den avslutande shortcoden { $name } har ingen öppen shortcode att stänga
error-shortcode-unterminated-quote = { $path }:{ $line }:{ $column }: den citerade shortcode-parametern stängs inte på sin rad
error-shortcode-unterminated-raw = { $path }:{ $line }:{ $column }: den råa shortcode-parametern (mellan backticks) stängs aldrig
error-shortcode-bad-escape = { $path }:{ $line }:{ $column }: ett omvänt snedstreck före en backtick i en shortcode-parameter
error-shortcode-mixed-params = { $path }:{ $line }:{ $column }: namngivna och positionella shortcode-parametrar blandas (vid { $param })
error-shortcode-not-closed = { $path }:{ $line }:{ $column }: shortcoden { $name } tar innehåll (den stängs på annat ställe i postingen) och måste stängas även här, eller självstängas med />
error-shortcode-comment-unclosed = { $path }:{ $line }:{ $column }: shortcode-kommentaren stängs aldrig med { $expected }
error-shortcode-inline-nested = { $path }:{ $line }:{ $column }: inline-shortcoden { $name } kan inte innehålla andra shortcodes
error-config-missing = ingen tolkar.toml i { $dir } (kör `tolkar init` först)
error-config-invalid = { $path }:{ $line }:{ $column }: ogiltig konfiguration: { $reason }
error-config-exists = { $path } finns redan (använd --force för att skriva över)
error-hugo-config = { $path }:{ $line }:{ $column }: ogiltig Hugo-konfiguration: { $reason }
error-init-no-targets = inga målspråk: { $dir } har ingen Hugo-konfiguration som nämner andra språk än { $source }; ange dem med --targets
error-db-newer = databasen { $path } skapades av en nyare version av tolkar (schema { $found }, den här versionen känner till { $known }); uppgradera tolkar
error-db = databasfel i { $path }: { $error }
error-db-value = databasen { $path } har { $value } i { $column }, som den här versionen av tolkar inte känner till; skrevs den av en nyare tolkar?
# issue13-ux: waiting for the store's write lock
error-db-locked = ett annat tolkar-kommando skriver fortfarande i lagret ({ $path }); försök igen när det är klart
store-waiting = väntar på att ett annat tolkar-kommando på den här webbplatsen ska bli klart ({ $path })
error-lock-timeout-env = TOLKAR_LOCK_TIMEOUT_MS är { $value }: ange ett antal millisekunder, till exempel 30000
error-missing-translations = { $count } segment saknar översättning till { $lang } (--missing error)
error-unknown-language = okänt språk { $lang }: projektet översätts till { $langs }
error-bad-translation = { $path } ({ $lang }): en sparad översättning passar inte: { $reason }

## extract

extract-hint = rad { $line }: parametern { $param } i { $shortcode } ser ut som text men översätts inte: "{ $value }" (lägg till den under [shortcodes.{ $shortcode }] i tolkar.toml om den är det)

## sync

sync-summary =
    Synkroniserade { $documents } dokument: { $new ->
        [one] { $new } nytt
       *[other] { $new } nya
    }, { $changed ->
        [one] { $changed } ändrat
       *[other] { $changed } ändrade
    }, { $unchanged ->
        [one] { $unchanged } oförändrat
       *[other] { $unchanged } oförändrade
    }, { $removed ->
        [one] { $removed } borttaget
       *[other] { $removed } borttagna
    }.
sync-renamed = { $from } → { $to }: bytt namn; dess översättningar och deras tillstånd följer med
sync-segments =
    Segment: { $added ->
        [one] { $added } tillagt
       *[other] { $added } tillagda
    }, { $updated ->
        [one] { $updated } ändrat
       *[other] { $updated } ändrade
    }, { $obsoleted ->
        [one] { $obsoleted } föråldrat
       *[other] { $obsoleted } föråldrade
    }.

## status

status-unreadable =
    { $count ->
        [one] { $count } källposting kunde inte läsas vid senaste sync; det som är lagrat för den behålls som det var:
       *[other] { $count } källpostingar kunde inte läsas vid senaste sync; det som är lagrat för dem behålls som det var:
    }
status-header = Språk   Översatta   Inaktuella   Saknas   Totalt
status-conflict = { $path }:{ $line }: i konflikt ({ $lang }): dess egna ändringar och källans ändringar krockar; build lämnar den som den är
status-postings-header = Språk   Hanterade   Sammanfogade   Konflikt   Ohanterade
status-doc-row =
    { $path }: { $translated } av { $total } översatta ({ $translated_pct } %), { $stale ->
        [one] { $stale } inaktuellt
       *[other] { $stale } inaktuella
    }, { $missing } saknas

## build

build-summary =
    Byggde { $lang }: { $written ->
        [one] { $written } skriven
       *[other] { $written } skrivna
    }, { $unchanged ->
        [one] { $unchanged } oförändrad
       *[other] { $unchanged } oförändrade
    }, { $skipped ->
        [one] { $skipped } överhoppad
       *[other] { $skipped } överhoppade
    }.
build-fallback = { $path }: källtexten används för { $count } segment
build-fallback-more =
    …och { $postings ->
        [one] { $postings } inlägg till
       *[other] { $postings } inlägg till
    } med { $count ->
        [one] { $count } segment
       *[other] { $count } segment
    } på källspråket
build-skipped-missing = { $path }: hoppades över, { $count } segment saknas (--missing skip)
build-conflict = { $path }:{ $line }: inte skriven: filens egen ändring och källans ändring krockar här (filen har ”{ $ours }”, build skulle skriva ”{ $theirs }”); ändra en av dem, eller låt `tolkar adopt --lang { $lang }` ta in filens text
build-merged =
    { $lang }: { $merged ->
        [one] { $merged } post behåller
       *[other] { $merged } poster behåller
    } egna skillnader, sammanfogade med buildens ändringar; { $conflicts } i konflikt.
build-skipped-foreign = { $path }: skrevs inte: filen skrevs inte av tolkar, eller har ändrats sedan förra bygget. `tolkar adopt --lang { $lang }` tar in dess text i lagret; `tolkar adopt --explain { $path } --lang { $lang }` visar vad build skulle ändra; --force skriver över den.
# issue13-ux: a localized posting too large to merge with
build-skipped-too-large = { $path }: skrevs inte: filen har egna ändringar och är { $size }, mer än ett inlägg får vara ({ $limit }, [limits] posting_size i tolkar.toml); den lästes inte. --force skriver över den.
build-skipped-taken = { $path }: skrevs inte för { $owner }: filen är en annan posts översättning (parad via translationKey)
build-orphan-kept = { $path }: dess källpost finns inte längre, men den har egen text; inte borttagen (radera den för hand om den ska bort)
build-pruned = { $path }: borttagen, dess källpost finns inte längre
build-orphan = { $path }: dess källpost finns inte längre; `tolkar build --prune` tar bort den
build-not-moved = { $from }: inte flyttad till { $to }, där det redan finns en fil; flytta eller slå ihop dem för hand
build-moved = { $from } → { $to }: flyttad med sin källpost
build-skipped-unreadable = { $path }: skrivs inte: med sina översättningar skulle den inte gå att läsa som posting ({ $reason }); rätta översättningen
build-skipped-source-changed = { $path }: skrivs inte: källan { $source } ändrades medan build körde; kör build igen

## adopt
adopt-differs = har egna skillnader från det build skriver (den första på rad { $line }); build behåller dem och fogar in källans ändringar (`tolkar adopt --explain { $path } --lang { $lang }` visar dem)
adopt-orphan = { $path }: ingen källpost; lämnas orörd
adopt-links-suggest = { $lang }: { $localized } av { $total } interna länkar i översättningarna pekar på språkets egna sidor; lägg till "{ $lang }" i localize under [links] i tolkar.toml, så gör build så för varje post, även nya.
adopt-links-unlike = { $lang }: [links] i tolkar.toml lokaliserar interna länkar, men { $kept } av { $total } i översättningarna pekar på källans sidor; build behåller varje översättnings egna och skriver lokaliserade i nya poster.
merge-explain-new = Filen finns inte än: build skriver den.
merge-explain-unreadable = Build skulle inte skriva den: den skulle inte gå att läsa tillbaka som en post ({ $reason }).
merge-explain-no-base = tolkar har varken skrivit eller tagit över den här filen, så det finns inget att sammanfoga med: `tolkar adopt --lang { $lang }` tar över den.
merge-explain-conflict = Konflikt på rad { $line }: filen har ”{ $ours }”, build skulle skriva ”{ $theirs }”. Build lämnar filen som den är.
merge-explain-merges = Sammanfogningen går rent; build ändrar filen så här:
merge-explain-writes = Filen har inga egna skillnader: build skriver det den gör nu.
merge-explain-none = (inga)
merge-explain-theirs = Builds ändringar (det tolkar senast skrev → det build gör nu):
merge-explain-ours = Filens egna skillnader (det tolkar senast skrev → filen):
merge-explain-head = { $path } ({ $lang }), översättningen av { $source }
adopt-summary = { $lang }: { $postings } översatta poster, { $adopted } av { $segments } segment övertagna ({ $adopted_share } %); { $identical } byggs om byte för byte och { $merged } har egna skillnader som build behåller; { $stored } översättningar nya eller ändrade.
adopt-dry-run = Provkörning: inget lagrades.
adopt-shared-key = translationKey "{ $key }" finns på flera poster ({ $paths }): paras inte ihop
adopt-missing = saknas: { $key } (källrad { $line })
adopt-unmatched = text utan motsvarighet på rad { $line }: { $text }
adopt-not-adopted = inte övertagen: { $key } (rad { $line }): { $reason }, till skillnad från källan (rad { $source_line })
adopt-copy = varje text är källans egen: tas inte över som översättning
adopt-explain-head = { $localized } ← { $source }: { $adopted } av { $segments } segment passar ihop
adopt-explain-kept = behålls från översättningen: { $what }
adopt-kept-only-here = { $text } (bara i översättningen)
adopt-kept-left-out = { $key } (utelämnad i översättningen)
adopt-kept-lead =
    { $count ->
        [one] { $count } tom rad
       *[other] { $count } tomma rader
    } efter front matter
adopt-kept-no-newline = ingen radbrytning i slutet
adopt-kept-tail =
    { $count ->
        [one] { $count } radbrytning
       *[other] { $count } radbrytningar
    } i slutet
adopt-explain-differs = den skiljer sig från det build gör av lagret, först på rad { $line }, kolumn { $column }; build behåller skillnaderna och fogar in källans ändringar:
adopt-explain-same = build skriver tillbaka den byte för byte
adopt-diff-now = { $path } (nu)
adopt-diff-built = { $path } (som build gör den av lagret)
error-adopt-explain-lang = --explain kräver --lang (ett språk)
error-adopt-unknown-doc = { $path } är varken en källpost eller den översatta versionen av en
error-not-localized = { $path } är inte den översatta versionen av en källpost
error-source-changed = { $path } ändrades medan tolkar arbetade med den; kör kommandot igen

## init

init-written = Skrev { $path }: källspråk { $source }, målspråk { $targets }, layout { $layout }.
init-no-hugo = Ingen Hugo-konfiguration här: språken kommer från kommandoraden.
init-hugo-read = Läste Hugo-konfigurationen: { $files }.
init-postings =
    { $sources ->
        [one] { $sources } källtext
       *[other] { $sources } källtexter
    }, { $pairs ->
        [one] { $pairs } översättning
       *[other] { $pairs } översättningar
    } jämförda med sin källa.
init-shared = Delas av flera språk och översätts därför inte: { $glob } (i exclude).
init-translation-key =
    { $count ->
        [one] { $count } översatt sida hör
       *[other] { $count } översatta sidor hör
    } ihop med en källa genom translationKey fast sökvägarna skiljer sig (listade i tolkar.toml).
init-suggested = Förslag: { $keys ->
        [one] { $keys } nyckel till
       *[other] { $keys } nycklar till
    } i front matter, regler för { $shortcodes ->
        [one] { $shortcodes } kortkod
       *[other] { $shortcodes } kortkoder
    } ({ $templates ->
        [one] { $templates } mall läst
       *[other] { $templates } mallar lästa
    }).
init-undecided =
    { $count ->
        [one] { $count } sak som init inte kunde avgöra står
       *[other] { $count } saker som init inte kunde avgöra står
    } sist i tolkar.toml.

## memory

memory-filled =
    { $count ->
        [one] { $count } översättning
       *[other] { $count } översättningar
    } hämtade ur översättningsminnet (samma källtext på annat ställe).

tm-none = Ingen översättning till { $lang } av en text som liknar den här till minst { $min } % (texten jämförs med källtexter på { $source }).

## stale

stale-none = Inga inaktuella översättningar.
stale-document =
    { $lang }: { $path } → { $localized } ({ $count ->
        [one] { $count } inaktuellt segment
       *[other] { $count } inaktuella segment
    })
stale-segment = { $key }, rad { $line }
stale-segment-both = { $key }, rad { $line } (översättning: rad { $localized_line })
stale-source = källa: { $text }
stale-translation = översättning: { $text }

## check

check-language = { $lang }: { $coverage } % översatt, { $stale } inaktuella, { $missing } saknas, { $machine } maskin:
check-coverage = täckningen { $coverage } % är under de krävda { $min } %
check-postings = poster: { $managed } hanterade ({ $share } %), varav { $merged } sammanfogade med egna skillnader; { $conflicts } i konflikt; { $unmanaged } ohanterade
check-passed = godkänt
check-failed = UNDERKÄNT

## review

review-summary = Granskning ({ $action }): { $count ->
        [one] { $count } översättning
       *[other] { $count } översättningar
    } ändrade.
error-review-nothing-named = ange segmenten att granska: id (sökväg#nyckel), --doc MÖNSTER eller --all
error-review-unknown = inget sådant segment: { $id }
error-review-placeholders = { $id }: den nya texten passar inte källtexten: { $reason }
review-step-prompt = [k] behåll, [e] redigera, [s] hoppa över, [q] avsluta?
review-step-new-text = Ny översättning:
review-step-unfit = inte tagen: { $reason }
review-step-summary = Granskning: { $kept } behållna, { $edited } redigerade, { $skipped } överhoppade.
# issue13-ux: what review step shows of each segment ($number of $total)
review-step-segment = [{ $number }/{ $total }] { $id } (rad { $line })
review-step-source = källa: { $text }
review-step-translation = översättning: { $text }

## report

report-written = Skrev rapporten till { $path }.

## export

export-summary =
    Exporterade { $units ->
        [one] { $units } enhet
       *[other] { $units } enheter
    } för { $lang } ({ $missing } saknas, { $stale } inaktuella) till { $target }.
export-stdout = standard ut
error-unknown-state = okänt tillstånd { $state }: använd { $states }
error-bad-glob = ogiltigt mönster { $glob }: { $reason }

doc-no-match = varning: --doc { $glob } matchar inget källinlägg (sökvägar är relativa till projektet, som { $example })
## import

import-refused = { $path }:{ $line }: { $id }: avvisad: { $reason }
import-refused-not-an-id = id:t är inget tolkar-id (sökväg#nyckel)
import-refused-outside = sökvägen pekar utanför projektet
import-refused-unknown = inget sådant segment i projektet (inlägget eller segmentet finns inte längre, eller filen kommer från ett annat projekt)
import-refused-duplicate = samma id kom tidigare i den här importen
import-refused-missing-placeholder = källtextens platshållare { $tag } saknas
import-refused-unknown-placeholder = platshållaren { $tag } finns inte i källtexten
import-refused-repeated-placeholder = platshållaren { $tag } förekommer mer än en gång
import-refused-nesting = platshållaren { $tag } stängs inte där den ska
import-stale = { $path }:{ $line }: { $id }: översatt från en äldre källtext; sparad som inaktuell
import-superseded = { $path }:{ $line }: { $id }: översatt från en äldre källtext, och en översättning av den nuvarande finns redan; den sparade behölls
import-summary = Import: { $new } nya, { $updated } uppdaterade, { $unchanged } oförändrade, { $stale } inaktuella, { $empty } oöversatta, { $refused } avvisade.
import-dry-run = Provkörning: inget sparades.
import-nothing-stored =
    Inget sparades eftersom { $refused ->
        [one] { $refused } enhet
       *[other] { $refused } enheter
    } avvisades (rätta dem, eller använd --partial för att spara resten).
error-import-format = { $path }: kan inte avgöra formatet (väntade XLIFF 2, XLIFF 1.2, PO, CSV eller JSON)
error-import-syntax = { $path }:{ $line }:{ $column }: ogiltig { $format }: { $reason }
error-import-language = { $path } gäller språket { $found }, inte { $lang }
error-import-no-language = { $path } anger inte sitt språk: ange --lang
error-import-source-language = { $path } översätter från { $found }, men projektets källspråk är { $lang }

## translate

error-translate-no-command = inget maskinöversättningskommando: ange --command eller [translate] command i tolkar.toml
error-translate-failed = maskinöversättningskommandot misslyckades, inget av den här omgången sparades ({ $command }): { $reason }
translate-refused = { $id }: maskinöversättningen avvisades: { $reason }
translate-empty-answer = svaret är tomt
translate-summary = Maskinöversättning: { $stored } sparade (tillstånd machine), { $unchanged } oförändrade, { $refused } avvisade.

## help
# --help (engelskan finns i doc-kommentarerna i src/cli.rs, inte i den engelska
# filen). help-<kommando> är första stycket, help-<kommando>-long resten;
# help-<kommando>-<argument> ett arguments hjälp, help-<kommando>-<argument>-<värde>
# ett möjligt värde. Skriv hela meningar med punkt: kort hjälp tappar punkten
# som hos clap. Flaggnamn, värden, platshållare och filnamn översätts inte.

help-clap-usage = Användning:
help-clap-commands = Kommandon:
help-clap-arguments = Argument:
help-clap-options = Flaggor:
help-clap-help = Visa hjälp
help-clap-help-more = Visa hjälp (mer med '--help')
help-clap-help-summary = Visa hjälp (en sammanfattning med '-h')
help-clap-version = Visa version
help-clap-help-command = Visa det här meddelandet eller hjälpen för de angivna underkommandona
help-clap-default = [standard: { $value }]
help-clap-possible-values = [möjliga värden: { $values }]
help-clap-possible-values-heading = Möjliga värden:

help-about = Översättningshantering för Hugo-inlägg: plocka ut den översättningsbara texten, följ den per språk, visa vad som blivit inaktuellt och bygg om de översatta inläggen med front matter och shortcodes orörda.
help-directory = Kör som om tolkar hade startats i DIR.
help-ui-lang = Språk för tolkars meddelanden och den här hjälpen (en, sv, da, nb); som standard från LC_ALL, LC_MESSAGES eller LANG.

help-extract = Skriv ut de översättningsbara segmenten i ett inlägg (inget projekt behövs).
help-extract-file = Inlägget som ska läsas.
help-extract-format = text för människor, json för skript.

help-pseudo = Skriv ut ett inlägg ihopsatt igen med varje segment pseudoöversatt.
help-pseudo-file = Inlägget som ska läsas.
help-pseudo-mode = identity: varje segment översatt till sig självt (ska bli identiskt med indata); expand: med accenter och ~30 % längre.

help-init = Skriv en tolkar.toml för webbplatsen här, utifrån dess Hugo-konfiguration.
help-init-long = Läser Hugo-konfigurationen (språk, innehållskataloger, mounts), inläggen och shortcode-mallarna, och skriver varje värde med en kommentar om var det kommer ifrån. Flaggorna går före det webbplatsen säger; utan Hugo-konfiguration krävs --targets.
help-init-source = Språket som inläggen är skrivna på [standard: Hugos defaultContentLanguage, eller en].
help-init-targets = Språken att översätta till, kommaseparerade [standard: webbplatsens övriga språk, efter weight].
help-init-layout = content/<lang>/x.md (by-directory) eller content/x.<lang>.md (by-filename) [standard: som webbplatsen gör].
help-init-force = Skriv över en befintlig tolkar.toml.
help-init-dry-run = Skriv konfigurationen till stdout i stället för att spara den.

help-sync = Läs in alla källinlägg i lagret.

help-status = Visa hur mycket som är översatt, inaktuellt och saknas per språk.
help-status-lang = Bara det här språket.
help-status-docs = Lista även varje dokument.
help-status-format = text för människor, json för skript.

help-stale = Synkronisera och visa sedan varje inaktuell översättning med en ordvis diff av källans ändring, det senast ändrade inlägget först.
help-stale-lang = Bara det här språket.
help-stale-doc = Bara inlägg vars sökväg (relativ till projektet) matchar. Kan anges flera gånger.
help-stale-format = text för människor (i färg i en terminal), json för skript.

help-check = Synkronisera och bedöm sedan varje språk mot policyn, för CI: slutstatus 1 om det underkänns.
help-check-long = Policyn kommer från [check] i tolkar.toml, eller från flaggorna.
help-check-lang = Bara det här språket.
help-check-format = text, json, junit, github (workflow-kommandon) eller markdown.
help-check-fail-on = Vad som underkänner kontrollen, kommaseparerat: stale, missing, machine, conflict.
help-check-min-coverage = Lägsta andel segment med en aktuell översättning, i procent.
help-check-no-write = Synkronisera i en transaktion som rullas tillbaka: lagret lämnas som det var (skrivskyddad CI).

help-report = Synkronisera och skriv sedan en fristående HTML-sida för redaktörer: framsteg, inlägg efter hur inaktuella de är och ändringen i varje inaktuellt segment.
help-report-html = Skriv HTML-rapporten (den enda sorten som finns).
help-report-output = Filen som ska skrivas.
help-report-lang = Bara det här språket.

help-adopt = Ta över de översättningar en webbplats redan har: ställ varje översatt inlägg mot sin källa och spara dess texter som översättningar.
help-adopt-long = Front matter-värden som översättningen äger (slug, aliases, ett lokalt datum, nycklar som bara den har) behålls och skrivs tillbaka av build, och det gör varje annan egen skillnad (en länk, blanktecken): build fogar in källans ändringar i den. Det som inte passar ihop listas per inlägg med sina rader. Kör igen för att ta in handredigeringar av översatta inlägg i lagret.
help-adopt-lang = Bara det här språket.
help-adopt-doc = Bara inlägg vars källsökväg matchar. Kan anges flera gånger.
help-adopt-dry-run = Visa vad som skulle tas över; spara inget.
help-adopt-explain = Visa hur ett inlägg (käll- eller översatt sökväg) skiljer sig från det build gör av lagret, och vad det behåller; kräver --lang.

help-review = Hantera översättningar utan att exportera dem: bekräfta inaktuella, godkänn maskinöversättningar, sätt en ny text.
help-review-confirm = Inaktuella översättningar gäller fortfarande för den nya källan: behåll dem, nu som aktuella.
help-review-confirm-lang = Översättningarnas språk.
help-review-confirm-ids = Segment efter id (path#key).
help-review-confirm-doc = Alla segment i inlägg vars sökväg matchar. Kan anges flera gånger.
help-review-confirm-all = Alla segment på språket.
help-review-approve = Markera maskinöversättningar, utkast och översättningar som granskade.
help-review-approve-lang = Översättningarnas språk.
help-review-approve-ids = Segment efter id (path#key).
help-review-approve-doc = Alla segment i inlägg vars sökväg matchar. Kan anges flera gånger.
help-review-approve-all = Alla segment på språket.
help-review-step = Gå igenom de inaktuella översättningarna en i taget: se källans ändring och översättningen, och behåll, redigera eller hoppa över den.
help-review-step-long = Svaren läses från standard in: k (behåll), e (redigera: den nya texten på nästa rad), s eller en tom rad (hoppa över), q (avsluta). Det som har bestämts sparas när det sista segmentet är klart, eller vid q eller slutet av indata.
help-review-step-lang = Översättningarnas språk.
help-review-step-doc = Bara inlägg vars sökväg matchar. Kan anges flera gånger.
help-review-set = Ge ett segment en ny översättning (tillstånd translated).
help-review-set-lang = Översättningens språk.
help-review-set-id = Segmentet: path#key, som `export` och `stale` visar det.
help-review-set-text = Den nya översättningen, med källans platshållare.

help-build = Synkronisera och skriv sedan de översatta inlägg vars innehåll ändras.
help-build-lang = Bara det här språket.
help-build-missing = Vad som ska hända med segment som saknar översättning.
help-build-missing-fallback = Använd källtexten och rapportera det.
help-build-missing-skip = Skriv inte det inlägget.
help-build-missing-error = Avbryt med ett fel.
help-build-force = Skriv över översatta inlägg som tolkar inte har skrivit eller som är i konflikt (en ren sammanfogning är fortfarande en sammanfogning).
help-build-prune = Ta bort de översatta inlägg tolkar skrev vars källpost inte längre finns (aldrig ett med egen text).
help-build-long = Ett inlägg med egna skillnader (en handredigering, en länk eller ett värde som översättningen behåller) sammanfogas: dess skillnader står kvar, källans ändringar förs in. Ett vars egna ändringar krockar med dem lämnas som det är och listas; slutstatus blir då 1.
help-merge-explain = Det översatta inlägget att förklara (dess sökväg i webbplatsen).
help-merge = Visa den trevägssammanfogning build gör för ett översatt inlägg: dess egna skillnader, builds ändringar och resultatet. Skriver inget.

help-export = Synkronisera och skriv sedan ut ett språks segment för översättare.
help-export-long = Format: XLIFF 2, XLIFF 1.2, PO, CSV eller JSON. Varje enhet har sitt id (path#key), källa, mål, tillstånd, plats, den tidigare källan för en inaktuell enhet och träffar från översättningsminnet.
help-export-lang = Språket att översätta till.
help-export-format = Filformatet.
help-export-format-xliff2 = XLIFF 2.0, för CAT-verktyg (memoQ, Trados, Phrase).
help-export-format-xliff12 = XLIFF 1.2, för OmegaT och äldre CAT-verktyg.
help-export-format-po = GNU gettext PO, för Poedit och Weblate.
help-export-format-csv = Kommaseparerade värden, för kalkylblad.
help-export-format-json = JSON, för skript.
help-export-state = Vilka segment, kommaseparerat: missing, stale, machine, draft, translated, reviewed eller all.
help-export-doc = Bara inlägg vars sökväg (relativ till projektet) matchar, t.ex. 'content/sv/jobs/**'. Kan anges flera gånger.
help-export-output = Skriv till FILE, eller till DIR/LANG.EXT om det är en katalog; standard: standard ut.

help-import = Läs tillbaka översättningar från XLIFF-, PO-, CSV- eller JSON-filer.
help-import-long = Varje enhet kontrolleras mot projektet: dess id, dess språk, dess platshållare, källan den gjordes från. Avvisas någon enhet sparas inget (om inte --partial anges) och slutstatus blir 2.
help-import-files = Filerna som ska läsas; formatet känns igen automatiskt.
help-import-lang = Översättningarnas språk, för filer som inte anger det.
help-import-state = Spara varje översättning i det här tillståndet (machine, draft, translated, reviewed), oavsett vad filen säger.
help-import-dry-run = Kontrollera och rapportera, men spara inget.
help-import-partial = Spara de giltiga enheterna även om några avvisas.

help-translate = Maskinöversätt saknade och inaktuella segment genom ett kommando.
help-translate-long = Kommandot läser ett JSON-objekt per rad på stdin (id, source_lang, target_lang, text, context) och skriver ett per rad (id, text). Resultaten sparas i tillståndet machine (behöver granskas).
help-translate-lang = Språket att översätta till.
help-translate-command = Skalkommandot som ska köras; standard: `[translate] command` i tolkar.toml.
help-translate-doc = Bara inlägg vars sökväg (relativ till projektet) matchar. Kan anges flera gånger.
help-translate-batch = Segment per körning av kommandot.
help-translate-timeout = Sekunder som en körning av kommandot får ta.
help-translate-force = Skicka även segment som redan har en aktuell översättning.

help-tm = Översättningsminnet.
help-tm-search = Översättningar av texter som liknar TEXT, bästa först.
help-tm-search-text = Källtexten att söka efter.
help-tm-search-lang = Översättningarnas språk.
help-tm-search-min = Lägsta likhet som visas, i procent; standard: `[memory] threshold` i tolkar.toml (75).
help-tm-search-limit = Det högsta antalet träffar som visas.
help-tm-search-format = text för människor, json för skript.

## limits (issue 13: what one input may cost, and control characters)

error-posting-too-large = { $path } är { $size }, mer än ett inlägg får vara ({ $limit }, [limits] posting_size i tolkar.toml); det lästes inte
import-refused-control-character = översättningen har styrtecknet { $character } (tecken { $position }); bara tabb och radbrytning får finnas i en översättning
error-review-control-character = { $id }: den nya texten har styrtecknet { $character } (tecken { $position }); bara tabb och radbrytning får finnas i en översättning
error-translate-line-too-long = maskinöversättningskommandot skrev en rad längre än { $limit } (rad { $line } av dess utdata; [limits] translate_line i tolkar.toml), så det stoppades och inget av den här omgången sparades ({ $command })
error-translate-too-much-output = maskinöversättningskommandot skrev mer än { $limit } för en omgång ([limits] translate_output i tolkar.toml), så det stoppades och inget av den här omgången sparades ({ $command })

## Configuration checks and the command line (issue 13: doctor, discovery, -C, --quiet/--verbose, check's empty guard)
error-config-not-found = ingen tolkar.toml i { $dir } eller någon katalog ovanför (kör `tolkar init` i webbplatsens rot först)
error-source-dir-missing = { $path }:{ $line }: källkatalogen { $dir } (source_language = "{ $lang }") finns inte; innehållskatalogen har: { $found }. Är source_language rätt?
error-directory = kan inte byta till katalogen { $path }: { $error }
verbose-project = Använder { $config }; lager { $store } ({ $present ->
        [yes] finns
       *[no] saknas
    }); { $postings } källinlägg.
verbose-timing = { $stage }: { $seconds } s
check-empty-no-postings = inga källinlägg i { $dir } (source_language = "{ $lang }"): inget kontrollerades. Ange --allow-empty, eller sätt allow_empty = true under [check] i tolkar.toml, om ett tomt projekt är väntat.
check-empty-nothing-translated = inget är översatt till { $langs }: kontrollen skulle godkännas utan en enda översättning. Ange --allow-empty, eller sätt allow_empty = true under [check] i tolkar.toml, om det är väntat.
check-empty-fresh = inget är översatt till { $langs }, och det finns varken ett lager ({ $store }) eller ett incheckat texttillstånd ({ $state }): en ny klon vars texttillstånd inte checkades in? Checka in { $state }, eller ange --allow-empty (eller sätt allow_empty = true under [check] i tolkar.toml) om det är väntat.
check-left-out = … och { $count } problem till som inte listas (--max-problems).
doctor-ok = ok
doctor-note = notis
doctor-warning = varning
doctor-error = fel
doctor-config = konfiguration: { $path }
doctor-language = { $key }: { $lang } (BCP 47: { $tag })
doctor-language-not-bcp47 = { $path }:{ $line }: { $key }: { $lang } är ingen BCP 47-språktagg (Hugo godtar den; verktyg som läser de exporterade filerna kanske inte)
doctor-postings = källinlägg: { $count } i { $dir }
doctor-no-postings = källinlägg: inga i { $dir } (`tolkar check` underkänner ett tomt projekt om inte allow_empty är satt)
doctor-store-present = lager: { $path }
doctor-store-absent = lager: inget än i { $path } (sync skapar det)
doctor-state-present = texttillstånd: { $path }
doctor-state-absent = texttillstånd: inget i { $path }
doctor-fresh = varken lager eller texttillstånd: inget är översatt än, eller så checkades texttillståndet inte in (`tolkar check` underkänner när inget är översatt, om inte allow_empty är satt)
doctor-summary = { $errors } fel, { $warnings } varningar.
help-quiet = Skriv bara ut fel och kommandots utdata: inga sammanfattningar eller notiser.
help-verbose = Säg också vilken tolkar.toml och vilket lager som används, och hur lång tid varje steg tar.
help-color = När utdata ska färgas: auto (på en terminal, om inte NO_COLOR är satt), always, never.
help-doctor = Visa alla kontroller av konfigurationen på en gång: språk, kataloger, källinlägg, lager och texttillstånd.
help-doctor-long = Läser tolkar.toml och webbplatsen, skriver inget. Slutstatus 2 om någon kontroll är ett fel.
help-completions = Skriv ut ett kompletteringsskript för SHELL på standard ut.
help-completions-shell = Skalet som skriptet skrivs för.
help-check-allow-empty = Godkänn ett projekt utan källinlägg, eller utan någon översättning i något kontrollerat språk (annars slutstatus 2).
help-check-max-problems = Lista högst N problem (text, github, markdown) och säg hur många fler det finns [standard: github 50, övriga alla].
cli-error-unknown-argument = oväntat argument '{ $arg }'
cli-error-unknown-subcommand = okänt underkommando '{ $name }'
cli-error-invalid-value = ogiltigt värde '{ $value }' för '{ $arg }'
cli-error-missing-value = '{ $arg }' kräver ett värde men fick inget
cli-error-possible-values = [möjliga värden: { $values }]
cli-error-missing-argument = de här obligatoriska argumenten saknas:
cli-error-missing-subcommand = '{ $name }' kräver ett underkommando men fick inget
cli-error-subcommands = [underkommandon: { $names }]
cli-error-similar = tips: det finns ett liknande: { $names }
cli-error-more-info = Mer information får du med '--help'.

## report --html (the page is in the UI language)
report-title = Översättningsrapport
report-source-language = Källspråk: { $lang }
report-postings = Inlägg: { $managed } hanterade ({ $percent } %), varav { $merged } sammanfogade med egna skillnader; { $conflict } i konflikt; { $unmanaged } ohanterade.
report-conflicts = I konflikt
report-conflicts-meta = Översättningens egna ändringar och källans ändringar krockar; build lämnar dessa inlägg som de är tills någon av sidorna ändras.
report-line = rad { $line }
report-progress = förlopp
report-translated = översatta
report-machine = maskinöversatta
report-stale = inaktuella
report-missing = saknas
report-total = totalt { $total }
report-posting = Inlägg
report-column-stale = Inaktuella
report-column-missing = Saknas
report-column-machine = Maskin
report-column-translated = Översatta
report-column-total = Totalt
report-no-stale = Inga inaktuella översättningar.
report-stale-heading = Inaktuella översättningar ({ $count })
report-source-change = Ändring i källan
report-current-translation = Nuvarande översättning
