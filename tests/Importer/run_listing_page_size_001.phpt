--TEST--
Importer::run(): the Inbox listing asks for pages of max_messages, at most 1000 (Graph's largest $top for messages): one listing request when the Inbox fits, whatever max_messages says
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$f = im_start('basic');
foreach ([2, 500, 1000, 1001, 5000] as $max) {
    $since = im_seq($f);
    $r = im_importer($f, ['max_messages' => $max])->run(im_handler($f, ['save_mime' => false, 'fail' => [
        'Invoice 1' => 'retry', 'Invoice 2' => 'retry', 'Invoice 3' => 'retry', 'No attachment' => 'retry', 'fixture' => 'retry']]));
    $tops = array_map(fn ($x) => q_top($x['target']),
        array_values(array_filter($f->t->requests($since), fn ($x) => preg_match('~/mailFolders/[^/]+/messages\?~', $x['target']))));
    echo "max_messages $max: deferred {$r->deferred}, listings \$top ", json_encode($tops), "\n";
}

function q_top(string $target): ?string
{
    foreach (explode('&', (string) parse_url($target, PHP_URL_QUERY)) as $pair) {
        [$k, $v] = explode('=', $pair, 2) + [1 => ''];
        if (rawurldecode($k) === '$top') {
            return rawurldecode($v);
        }
    }
    return null;
}
?>
--EXPECT--
max_messages 2: deferred 2, listings $top ["2"]
max_messages 500: deferred 5, listings $top ["500"]
max_messages 1000: deferred 5, listings $top ["1000"]
max_messages 1001: deferred 5, listings $top ["1000"]
max_messages 5000: deferred 5, listings $top ["1000"]
