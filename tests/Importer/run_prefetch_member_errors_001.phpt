--TEST--
Importer::run(): inside the prefetch $batches (4 in flight, members chained with dependsOn) a member throttled with 429 is sent again after its Retry-After together with the members after it that never ran (424); a message deleted between the listing and the prefetch (member 404) is "vanished" without a handler call; no handler download goes to Graph
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/prefetch.inc';
$f = im_start('basic', ['max_retries' => 2]);
for ($i = 1; $i <= 40; $i++) {
    im_add($f, sprintf('Bulk %02d', $i), ['attachments' => [['name' => "b$i.pdf", 'content_type' => 'application/pdf', 'size' => 500]]]);
}
$f->t->fault(['path' => preg_quote(rawurlencode(im_id($f, 'Bulk 03')), '~') . '/\$value', 'batch_member' => true,
    'status' => 429, 'retry_after' => '1', 'times' => 1]);
// A person deletes Bulk 10 right after the importer listed the Inbox.
$f->t->fault(['method' => 'GET', 'path' => '/messages\?', 'action' => 'delete_message', 'message_id' => im_id($f, 'Bulk 10'), 'times' => 1]);
$f->deleted[im_id($f, 'Bulk 10')] = true;
$since = im_seq($f);
$r = im_importer($f)->run(pf_handler($f));
im_report($f, $r, false);
foreach ($r->items as $it) {
    if ($it['outcome'] !== 'imported') {
        echo '  ', $f->labels[$it['id']], ": {$it['outcome']} ({$it['reason']})\n";
    }
}
$calls = array_count_values(array_map(fn ($l) => substr($l, 6), preg_grep('/^start /', file($f->dir . '/handler.log', FILE_IGNORE_NEW_LINES))));
echo 'handler called for Bulk 10: ', json_encode(isset($calls['Bulk 10'])), ', for the others: ', count($calls), ', each once: ', json_encode(array_values(array_unique($calls)) === [1]), "\n";

$g = pf_graph($f, $since);
$runs = [];
$retry = null;
foreach ($g as $x) {
    foreach ($x['members'] as $m) {
        if (preg_match('~/(\$value|attachments)$~', parse_url($m['target'], PHP_URL_PATH))) {
            $key = im_path($f, $m['target']);
            $runs[$key][] = $m['status'];
            if ($key === '/messages/{Bulk 03}/$value' && $m['status'] === 200) {
                $retry = $x;
            }
        }
    }
}
echo 'Bulk 03 $value: ', json_encode($runs['/messages/{Bulk 03}/$value']), "\n";
echo 'Bulk 10 $value: ', json_encode($runs['/messages/{Bulk 10}/$value']), "\n";
echo 'Bulk 10 attachments: ', json_encode($runs['/messages/{Bulk 10}/attachments']), "\n";
unset($runs['/messages/{Bulk 03}/$value'], $runs['/messages/{Bulk 10}/$value'], $runs['/messages/{Bulk 10}/attachments']);
echo 'every other member ran once, answered 200: ', json_encode(count($runs) === 87 && array_values(array_unique(array_map('json_encode', $runs))) === [json_encode([200])]), "\n";
$throttled = array_values(array_filter($g, fn ($x) => in_array(429, array_column($x['members'], 'status'), true)))[0];
echo 'sent again after the Retry-After: ', json_encode($retry['ts'] - $retry['ms'] / 1000 - $throttled['ts'] >= 0.9), "\n";
echo 'with the members after it that never ran: ', json_encode(count($retry['members']) > 1), "\n";
echo 'handler downloads that went to Graph: ', count(array_filter($g, fn ($x) => $x['members'] === [] && str_contains($x['target'], '/messages/'))), "\n";
im_where($f);
?>
--EXPECT--
imported=44 failed=0 deferred=0 vanished=1 resumed=0 locked=false aborted=NULL
  Bulk 10: vanished (the message was moved or deleted by someone else)
handler called for Bulk 10: false, for the others: 44, each once: true
Bulk 03 $value: [429,200]
Bulk 10 $value: [404]
Bulk 10 attachments: [404]
every other member ran once, answered 200: true
sent again after the Retry-After: true
with the members after it that never ran: true
handler downloads that went to Graph: 0
Inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture, Bulk 01, Bulk 02, Bulk 03, Bulk 04, Bulk 05, Bulk 06, Bulk 07, Bulk 08, Bulk 09, Bulk 11, Bulk 12, Bulk 13, Bulk 14, Bulk 15, Bulk 16, Bulk 17, Bulk 18, Bulk 19, Bulk 20, Bulk 21, Bulk 22, Bulk 23, Bulk 24, Bulk 25, Bulk 26, Bulk 27, Bulk 28, Bulk 29, Bulk 30, Bulk 31, Bulk 32, Bulk 33, Bulk 34, Bulk 35, Bulk 36, Bulk 37, Bulk 38, Bulk 39, Bulk 40
Error: 
