--TEST--
Importer::run(): the journal written once per message is exactly the JSON of its entries (each entry's text is kept from when it was noted, and joined): the same bytes a whole serialization gives, unusual subjects included; a journal with a key this version does not know keeps it; an entry an earlier run left, and a failed message's entry (both read back from their kept text), come out the same
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$f = im_start('basic');
$odd = "Ünïcode / \"quoted\" \\ tab\t€";
im_add($f, $odd, ['received' => strtotime('2024-02-01T09:00:00Z')]);
$store = im_store($f);
$seen = [];
$check = function (SqzGraph\Message $m) use ($f, $store, &$seen) {
    $text = $store->get('import.journal');
    $decoded = json_decode($text, true);
    // json-c's whole serialization and PHP's agree on every byte here (slashes escaped, UTF-8 kept).
    $same = $text === json_encode($decoded, JSON_UNESCAPED_UNICODE);
    $states = [];
    foreach ($decoded['entries'] as $id => $e) {
        $states[] = ($f->labels[$id] ?? '?') . '=' . $e['state'] . (isset($e['subject']) ? '' : ' (no subject)');
    }
    $seen[] = im_label($m->subject) . ': ' . ($same ? 'same bytes' : "DIFFERENT: $text") . '; keys ' . implode(',', array_keys($decoded))
        . '; ' . implode(', ', $states);
};
$labels = ['Invoice 1', 'Invoice 2', 'Invoice 3', 'No attachment', 'fixture', $odd];
$r = im_importer($f)->run(im_handler($f, ['before' => array_fill_keys($labels, $check)]));
im_report($f, $r, false);
echo implode("\n", $seen), "\n";
$after = $store->get('import.journal');
echo 'after the run: ', $after, "\n";

echo "--- a journal with a key this version does not know\n";
$store->put('import.journal', '{"v":1,"entries":{},"note":"kept/as is"}');
$id = im_add($f, 'After the note');
$r = im_importer($f)->run(im_handler($f, ['before' => ['After the note' => function () use ($store, $f, $id) {
    $j = json_decode($store->get('import.journal'), true);
    echo 'during: note=', $j['note'], ' entry=', $j['entries'][$id]['state'], "\n";
}]]));
im_report($f, $r, false);
echo 'after: ', $store->get('import.journal'), "\n";

echo "--- an entry an earlier run left, a message that fails, and one after them\n";
$crashed = im_add($f, 'Crashed before');
im_add($f, 'Fails');
im_add($f, 'Last');
$store->put('import.journal', json_encode(['v' => 1, 'entries' => [$crashed => ['state' => 'started', 'attempts' => 1,
    'subject' => 'Crashed before', 'at' => 1700000000]]], JSON_UNESCAPED_UNICODE));
$show = function (SqzGraph\Message $m) use ($f, $store) {
    $text = $store->get('import.journal');
    $decoded = json_decode($text, true);
    $states = [];
    foreach ($decoded['entries'] as $id => $e) {
        $states[] = ($f->labels[$id] ?? '?') . '=' . $e['state'] . '/' . $e['attempts'] . (isset($e['reason']) ? " ({$e['reason']})" : '');
    }
    echo im_label($m->subject), ': ', $text === json_encode($decoded, JSON_UNESCAPED_UNICODE) ? 'same bytes' : "DIFFERENT: $text", '; ',
        implode(', ', $states), "\n";
};
$r = im_importer($f)->run(im_handler($f, ['fail' => ['Fails' => 'false'], 'before' => array_fill_keys(['Crashed before', 'Fails', 'Last'], $show)]));
im_report($f, $r, false);
echo 'after: ', $store->get('import.journal'), "\n";
?>
--EXPECT--
imported=6 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
Invoice 1: same bytes; keys v,entries; Invoice 1=started
Invoice 2: same bytes; keys v,entries; Invoice 1=imported, Invoice 2=started
Invoice 3: same bytes; keys v,entries; Invoice 1=imported, Invoice 2=imported, Invoice 3=started
No attachment: same bytes; keys v,entries; Invoice 1=imported, Invoice 2=imported, Invoice 3=imported, No attachment=started
fixture: same bytes; keys v,entries; Invoice 1=imported, Invoice 2=imported, Invoice 3=imported, No attachment=imported, fixture=started
Ünïcode / "quoted" \ tab	€: same bytes; keys v,entries; Invoice 1=imported, Invoice 2=imported, Invoice 3=imported, No attachment=imported, fixture=imported, Ünïcode / "quoted" \ tab	€=started
after the run: {"v":1,"entries":{}}
--- a journal with a key this version does not know
during: note=kept/as is entry=started
imported=1 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
after: {"v":1,"entries":{},"note":"kept\/as is"}
--- an entry an earlier run left, a message that fails, and one after them
Crashed before: same bytes; Crashed before=started/2
Fails: same bytes; Crashed before=imported/2, Fails=started/1
Last: same bytes; Crashed before=imported/2, Fails=failed/1 (handler_returned_false), Last=started/1
imported=2 failed=1 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
after: {"v":1,"entries":{}}
