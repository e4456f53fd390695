# tolkar: meddelanden till människor, svenska.
#
# Samma id:n som i den engelska filen, och bara variabler som den engelska
# texten använder. Variabelnamnen skrivs med understreck.

## errors

error-prefix = fel
error-io = kan inte läsa { $path }: { $error }
error-write = kan inte skriva { $path }: { $error }
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
build-skipped-foreign = { $path }: skrevs inte: filen skrevs inte av tolkar, eller har ändrats sedan förra bygget. `tolkar adopt --lang { $lang }` tar in dess text i lagret; `tolkar adopt --explain { $path } --lang { $lang }` visar vad build skulle ändra; --force skriver över den.
build-skipped-taken = { $path }: skrevs inte för { $owner }: filen är en annan posts översättning (parad via translationKey)
build-skipped-unreadable = { $path }: skrivs inte: med sina översättningar skulle den inte gå att läsa som posting ({ $reason }); rätta översättningen
build-skipped-overrides = { $path }: skrevs inte: front matter-värdena som behölls från översättningen passar inte längre källans front matter (kör `tolkar adopt --lang { $lang }` igen när översättningens front matter stämmer)

## adopt
adopt-differs = build skulle inte skriva tillbaka den byte för byte (första skillnaden på rad { $line }), så den lämnas orörd (`tolkar adopt --explain { $path } --lang { $lang }` visar varför)
adopt-orphan = { $path }: ingen källpost; lämnas orörd
adopt-summary = { $lang }: { $postings } översatta poster, { $adopted } av { $segments } segment övertagna ({ $adopted_share } %), { $identical } byggs om byte för byte ({ $identical_share } %); { $stored } översättningar nya eller ändrade.
adopt-dry-run = Provkörning: inget lagrades.
adopt-shared-key = translationKey "{ $key }" finns på flera poster ({ $paths }): paras inte ihop
adopt-missing = saknas: { $key } (källrad { $line })
adopt-unmatched = text utan motsvarighet på rad { $line }: { $text }
adopt-not-adopted = inte övertagen: { $key } (rad { $line }): { $reason }, till skillnad från källan (rad { $source_line })
adopt-front-matter-not-comparable = front matter kan inte jämföras med källans
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
adopt-explain-differs = build skulle skriva den annorlunda, först på rad { $line }, kolumn { $column }:
adopt-explain-same = build skriver tillbaka den byte för byte
adopt-diff-now = { $path } (nu)
adopt-diff-built = { $path } (som build skriver den)
error-adopt-explain-lang = --explain kräver --lang (ett språk)
error-adopt-unknown-doc = { $path } är varken en källpost eller den översatta versionen av en

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
