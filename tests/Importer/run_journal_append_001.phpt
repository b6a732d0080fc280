--TEST--
Importer::run() on a FileStore: the journal is appended to during the run (one file, one sync per message) and ends the run as one record; a journal whose last append was cut short is read as the append before it
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$f = im_start('basic');
$file = $f->storeDir . '/k-import.journal.rec';
// Frames of both kinds: a whole journal (version 1) or a change of the one before (version 2).
$frames = fn () => is_file($file) ? preg_match_all("/SQZR[\x01\x02]\\0\\0\\0/", (string) file_get_contents($file)) : 0;
$seen = [];
$inodes = [];
$r = im_importer($f)->run(im_handler($f, ['before' => array_fill_keys(['Invoice 1', 'Invoice 2', 'Invoice 3', 'No attachment', 'fixture'],
    function (SqzGraph\Message $m) use (&$seen, &$inodes, $frames, $file) {
        clearstatcache();
        $seen[] = im_label($m->subject) . ': ' . $frames() . ' frame(s)';
        $inodes[fileinode($file)] = true;
    })]));
im_report($f, $r);
echo implode("\n", $seen), "\n";
echo 'one file during the run: ', json_encode(count($inodes) === 1), "\n";
echo 'after the run: ', $frames(), " frame(s)\n";
$journal = json_decode((string) (new SqzGraph\FileStore($f->storeDir))->get('import.journal'), true);
echo 'entries left: ', count($journal['entries']), "\n";

echo "--- the last append cut short\n";
$store = new SqzGraph\FileStore($f->storeDir);
$older = '{"v":1,"entries":{}}';
$store->put('import.journal', $older);
$newer = '{"v":1,"entries":{"made-up":{"state":"imported","attempts":1}}}';
$frame = "SQZR\x01\0\0\0" . pack('J', strlen($newer)) . hash('sha256', $newer, true) . $newer;
file_put_contents($file, substr($frame, 0, 70), FILE_APPEND);
var_dump($store->get('import.journal') === $older);
file_put_contents($file, substr($frame, 70), FILE_APPEND);
var_dump($store->get('import.journal') === $newer);
?>
--EXPECT--
imported=5 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
  Invoice 1: imported
  Invoice 2: imported
  Invoice 3: imported
  No attachment: imported
  fixture: imported
Invoice 1: 1 frame(s)
Invoice 2: 2 frame(s)
Invoice 3: 3 frame(s)
No attachment: 4 frame(s)
fixture: 5 frame(s)
one file during the run: true
after the run: 1 frame(s)
entries left: 0
--- the last append cut short
bool(true)
bool(true)
