--TEST--
Importer::run(): a prefetched file that disappeared before the handler read it (a temporary-file cleaner emptied the directory) is fetched from Graph instead — saveMime() streams $value and Attachment::save() the attachment's $value, byte for byte the same; the message is imported, not failed
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/prefetch.inc';
$f = im_start('basic');
$tmp = pf_private_tmp($f);
$since = im_seq($f);
$r = im_importer($f)->run(pf_handler($f, ['Invoice 2' => function () use ($tmp) {
    foreach (glob("$tmp/*/*") as $file) {
        unlink($file);
    }
}]));
im_report($f, $r);
echo "handler requests that went to Graph:\n";
foreach (pf_graph($f, $since) as $x) {
    if ($x['members'] === [] && str_contains($x['target'], '/messages/')) {
        echo '  ', $x['method'], ' ', preg_replace('~/attachments/.+/\$value$~', '/attachments/{attachment}/$value', im_path($f, $x['target'])), ' -> ', $x['status'], "\n";
    }
}
$mb = im_mailbox($f);
foreach (['Invoice 1', 'Invoice 2', 'Invoice 3'] as $label) {
    $id = im_id($f, $label);
    $mb->saveMime($id, "{$f->dir}/streamed.eml");
    $atts = [];
    foreach ($mb->message($id)->attachments() as $a) {
        $a->save("{$f->dir}/streamed.att");
        $atts[] = $a->name . (file_get_contents("{$f->dir}/out/$label/" . rawurlencode($a->name)) === file_get_contents("{$f->dir}/streamed.att") ? ' same' : ' DIFFERENT');
    }
    echo "$label: MIME ", file_get_contents("{$f->dir}/out/$label/message.eml") === file_get_contents("{$f->dir}/streamed.eml") ? 'same' : 'DIFFERENT',
        '; ', implode(', ', $atts), "\n";
}
echo 'temporary directory after the run: ', json_encode(pf_tmp_files($tmp)), "\n";
?>
--EXPECT--
imported=5 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
  Invoice 1: imported
  Invoice 2: imported
  Invoice 3: imported
  No attachment: imported
  fixture: imported
handler requests that went to Graph:
  GET /messages/{Invoice 2}/$value -> 200
  GET /messages/{Invoice 2}/attachments/{attachment}/$value -> 200
  GET /messages/{Invoice 3}/$value -> 200
  GET /messages/{Invoice 3}/attachments/{attachment}/$value -> 200
  GET /messages/{No attachment}/$value -> 200
  GET /messages/{fixture}/$value -> 200
  GET /messages/{fixture}/attachments/{attachment}/$value -> 200
Invoice 1: MIME same; invoice-1.pdf same
Invoice 2: MIME same; invoice-2.pdf same
Invoice 3: MIME same; invoice-3.pdf same
temporary directory after the run: []
