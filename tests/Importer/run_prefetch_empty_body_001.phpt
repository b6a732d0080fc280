--TEST--
Importer::run(): a $batch member that answers 200 with "body": null or "" for a MIME is not a delivery — the handler gets the message streamed from $value instead, byte for byte, and its attachment too (fetch_ahead's default serves attachments from the MIME fetched ahead: without it, from Graph); when the streamed answer is empty too, saveMime() throws (a message always has headers) and the message is deferred, not imported, nothing moved to Exported that was not delivered whole
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/prefetch.inc';
$f = im_start('basic');
$value = fn (string $label) => preg_quote(rawurlencode(im_id($f, $label)), '~') . '/\$value$';
$f->t->fault(['path' => $value('Invoice 1'), 'batch_member' => true, 'action' => 'replace_body', 'body_json' => 'null']);
$f->t->fault(['path' => $value('Invoice 2'), 'batch_member' => true, 'action' => 'replace_body', 'body_json' => '""']);
$f->t->fault(['path' => $value('Invoice 3'), 'batch_member' => true, 'action' => 'replace_body', 'body_json' => '""']);
$f->t->fault(['path' => $value('Invoice 3'), 'action' => 'replace_body', 'body' => '']);
$since = im_seq($f);
$r = im_importer($f)->run(pf_handler($f));
im_report($f, $r);
echo "handler requests that went to Graph:\n";
foreach (pf_graph($f, $since) as $x) {
    if ($x['members'] === [] && str_ends_with($x['target'], '/$value')) {
        echo '  ', $x['method'], ' ', im_path($f, $x['target']), ' -> ', $x['status'], "\n";
    }
}
$mb = im_mailbox($f);
foreach (['Invoice 1', 'Invoice 2'] as $label) {
    $mb->saveMime(im_id($f, $label), "{$f->dir}/streamed.eml");
    $got = file_get_contents("{$f->dir}/out/$label/message.eml");
    echo "$label: handler's MIME ", strlen($got), ' bytes, ', $got === file_get_contents("{$f->dir}/streamed.eml") ? 'the whole message' : 'DIFFERENT', "\n";
}
echo 'Invoice 3 saved by its handler: ', json_encode(file_exists("{$f->dir}/out/Invoice 3/message.eml")), "\n";
im_where($f);
$e = null;
try {
    $mb->saveMime(im_id($f, 'Invoice 3'), "{$f->dir}/empty.eml");
} catch (SqzGraph\GraphException $e) {
}
echo 'saveMime of an empty answer: ', get_class($e), ' status=', $e->statusCode(), ': ', im_scrub($f, $e->getMessage()), "\n";
echo 'file: ', json_encode(file_exists("{$f->dir}/empty.eml")), "\n";
?>
--EXPECTF--
imported=4 failed=0 deferred=1 vanished=0 resumed=0 locked=false aborted=NULL
  Invoice 3: deferred (SqzGraph\GraphException: Graph answered the MIME of message {Invoice 3} with an empty body; a message always has headers, so nothing was saved (the message stays where it is and is tried again))
  Invoice 1: imported
  Invoice 2: imported
  No attachment: imported
  fixture: imported
handler requests that went to Graph:
  GET /messages/{Invoice 1}/$value -> 200
  GET /messages/{Invoice 1}/attachments/%s/$value -> 200
  GET /messages/{Invoice 2}/$value -> 200
  GET /messages/{Invoice 2}/attachments/%s/$value -> 200
  GET /messages/{Invoice 3}/$value -> 200
Invoice 1: handler's MIME %d bytes, the whole message
Invoice 2: handler's MIME %d bytes, the whole message
Invoice 3 saved by its handler: false
Inbox: Invoice 3
Exported: Invoice 1, Invoice 2, No attachment, fixture
Error: 
saveMime of an empty answer: SqzGraph\GraphException status=0: Graph answered the MIME of message {Invoice 3} with an empty body; a message always has headers, so nothing was saved (the message stays where it is and is tried again)
file: false