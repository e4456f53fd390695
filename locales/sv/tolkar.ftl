# tolkar: meddelanden till människor, svenska.
#
# Samma id:n som i den engelska filen, och bara variabler som den engelska
# texten använder. Variabelnamnen skrivs med understreck.

## errors

error-prefix = fel
error-io = kan inte läsa { $path }: { $error }
error-not-utf8 = { $path }:{ $line }:{ $column }: inte giltig UTF-8
error-is-directory = { $path } är en katalog, inte ett inlägg
error-binary = { $path } ser ut att vara en binärfil, inte ett inlägg
error-front-matter-unclosed = { $path }:{ $line }:{ $column }: front matter som öppnas med { $delimiter } stängs aldrig
error-front-matter-syntax = { $path }:{ $line }:{ $column }: ogiltig front matter ({ $format }): { $reason }
error-shortcode-unclosed = { $path }:{ $line }:{ $column }: shortcode-taggen stängs aldrig (förväntade { $expected })
error-shortcode-syntax = { $path }:{ $line }:{ $column }: ogiltig shortcode: { $reason }
error-shortcode-orphan-close = { $path }:{ $line }:{ $column }: den avslutande shortcoden { $name } saknar öppningstagg
error-shortcode-crossed = { $path }:{ $line }:{ $column }: shortcoden { $name } stängs medan { $other } fortfarande är öppen (korsad nästling)
error-config-missing = ingen tolkar.toml i { $dir } (kör `tolkar init` först)
error-config-invalid = { $path }:{ $line }:{ $column }: ogiltig konfiguration: { $reason }
error-config-exists = { $path } finns redan (använd --force för att skriva över)
error-db-newer = databasen { $path } skapades av en nyare version av tolkar (schema { $found }, den här versionen känner till { $known }); uppgradera tolkar
error-db = databasfel i { $path }: { $error }
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

status-header = Språk   Översatta   Inaktuella   Saknas   Totalt
status-row = { $lang }   { $translated } ({ $translated_pct } %)   { $stale }   { $missing }   { $total }
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
build-skipped-foreign = { $path }: skrevs inte, filen finns redan och skapades inte av tolkar (använd --force för att skriva över)

## init

init-written = Skrev { $path }: källspråk { $source }, målspråk { $targets }, layout { $layout }.
