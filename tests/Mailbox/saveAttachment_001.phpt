--TEST--
Mailbox::saveAttachment(): a file attachment's bytes to a path and to streams, byte-identical; returns the byte count; ids percent-encoded
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('basic');
$bytes = random_bytes(300000) . "\r\n\0\xff end";
$r = $t->addMessage(ADMIN, ['subject' => 'Binary', 'attachments' => [
    ['name' => 'blob.bin', 'content_type' => 'application/octet-stream', 'content_base64' => base64_encode($bytes)]]]);
$m = mb_mailbox($t);
$dir = mb_tmp();
$a = $m->attachments($r['immutable_id'])[0];
$s = mb_seq($t);
$n = $m->saveAttachment($r['immutable_id'], $a->id, "$dir/blob.bin");
show('path', [$n === strlen($bytes), file_get_contents("$dir/blob.bin") === $bytes]);
$log = mb_graph($t, $s);
show('request', parse_url($log[0]['target'], PHP_URL_PATH) === '/v1.0/me/messages/' . rawurlencode($r['immutable_id'])
    . '/attachments/' . rawurlencode($a->id) . '/$value');
foreach (['php://memory', 'php://temp/maxmemory:1024'] as $w) {
    $fp = fopen($w, 'w+b');
    $n = $m->saveAttachment($r['immutable_id'], $a->id, $fp);
    show($w, [$n === strlen($bytes), mb_contents($fp) === $bytes]);
}
$fp = fopen("$dir/handle.bin", 'wb');
$n = $m->saveAttachment($r['immutable_id'], $a->id, $fp);
fclose($fp);
show('file handle', [$n === strlen($bytes), file_get_contents("$dir/handle.bin") === $bytes]);
show('files', mb_ls($dir));
// An unknown attachment id: GraphException, no file.
$e = mb_catch(fn () => $m->saveAttachment($r['immutable_id'], substr($a->id, 0, -8) . 'AAAAAA==', "$dir/none.bin"));
echo mb_describe($e), "\n";
show('files after', mb_ls($dir));
?>
--EXPECT--
path: [true,true]
request: true
php://memory: [true,true]
php://temp/maxmemory:1024: [true,true]
file handle: [true,true]
files: ["blob.bin","handle.bin"]
SqzGraph\GraphException status=404 code='ErrorItemNotFound'
files after: ["blob.bin","handle.bin"]
