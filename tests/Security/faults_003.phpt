--TEST--
Hostile JSON values: duplicate keys, invalid UTF-8 and lone surrogates in subjects and file names, NUL bytes, path traversal and absolute paths in attachment names: safe, deterministic results; a name is only ever data, Attachment::save writes exactly the caller's target
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/security.inc';
require __DIR__ . '/../mock-tenant/raw.inc';

// Raw bytes where JSON carries text: invalid UTF-8 (C3 28, FF FE, an overlong C0 AF), a lone
// surrogate escape, a NUL escape; and keys given twice.
$message = '{"id":"M1","id":"M2","subject":"first","subject":"Rechnung ' . "\xC3\x28 \xFF\xFE" . ' \ud800 \u0000 end",'
    . '"receivedDateTime":"2024-01-05T10:00:00Z","receivedDateTime":"2024-02-30T10:00:00Z","hasAttachments":true,'
    . '"from":{"emailAddress":{"name":"' . "\xF0\x9F\x92\xA9 \xC0\xAF" . '","address":"a@b"}}}';
$names = ['../../etc/passwd', '/etc/passwd', "evil\u{0}.pdf", "..\\..\\windows\\win.ini", "caf\xC3\xA9.pdf", "bad\xFF.pdf", '', '.', '..'];
$list = '{"value":[';
foreach ($names as $i => $n) {
    $list .= ($i ? ',' : '') . '{"@odata.type":"#microsoft.graph.fileAttachment","id":"A' . $i . '","name":"'
        . str_replace(["\\", "\0"], ["\\\\", '\u0000'], $n) . '","contentType":"application/pdf","size":4,"isInline":false}';
}
$list .= ',{"id":"A9","id":"A10","name":"dup","name":"../dup","size":"-7"}]}';
$s = RawServer::start([
    ['~^POST /[^/]+/oauth2/v2\.0/token~', RawServer::token()],
    ['~/messages/M1/attachments/[^/]+/\$value~', RawServer::http(200, ['Content-Type' => 'application/pdf'], '%PDF')],
    ['~/messages/M1/attachments\?~', RawServer::json(200, $list)],
    ['~/messages/M1\?~', RawServer::json(200, $message)],
]);
$a = new SqzGraph\Authenticator(new SqzGraph\Config(sec_cc_options($s->base, $s->graph)), new SqzGraph\FileStore(sec_tmp('f') . '/store'));
$m = new SqzGraph\Mailbox($a);

$msg = $m->message('M1');
echo "duplicate keys, the last wins: id=", $msg->id, " receivedAt=", $msg->receivedAt, " (30 February: not a date, so 0)\n";
// Bytes kept as sent; the lone surrogate becomes U+FFFD; a NUL escape ends the string.
echo "subject bytes: ", bin2hex($msg->subject), "\n";
echo "fromName bytes: ", bin2hex((string) $msg->fromName), "\n";

$atts = $m->attachments('M1');
foreach ($atts as $x) {
    echo "attachment ", $x->id, ": name ", json_encode($x->name, JSON_INVALID_UTF8_SUBSTITUTE), " (", strlen($x->name), " bytes), size ", $x->size, "\n";
}

// The name never becomes a path: save() writes the caller's target and nothing else.
$root = sec_tmp('save');
mkdir("$root/target");
$passwd = [filemtime('/etc/passwd'), md5_file('/etc/passwd')];
foreach ($atts as $i => $x) {
    $x->save("$root/target/file-$i.bin");
}
$found = [];
$it = new RecursiveIteratorIterator(new RecursiveDirectoryIterator($root, FilesystemIterator::SKIP_DOTS));
foreach ($it as $f) {
    $found[] = substr($f->getPathname(), strlen($root) + 1) . '=' . $f->getSize();
}
sort($found, SORT_NATURAL);
echo "files written: ", implode(' ', $found), "\n";
echo "/etc/passwd untouched: ", var_export($passwd === [filemtime('/etc/passwd'), md5_file('/etc/passwd')], true), "\n";

// A target that is a symbolic link is refused: neither the link nor its destination is written.
file_put_contents("$root/victim", 'keep');
symlink("$root/victim", "$root/target/link.bin");
try {
    $atts[0]->save("$root/target/link.bin");
} catch (SqzGraph\StoreException $e) {
    echo "symlink target: ", str_replace($root, 'ROOT', $e->getMessage()), "\n";
}
echo "link kept ", var_export(is_link("$root/target/link.bin"), true), ", destination kept ", var_export(file_get_contents("$root/victim") === 'keep', true), "\n";

// A NUL byte in the caller's target path is refused before any request.
$before = count($s->requests());
try {
    $atts[0]->save("$root/target/x\0../../../tmp/evil");
} catch (\Throwable $e) {
    echo "NUL in the target: ", get_class($e), ": ", $e->getMessage(), "\n";
}
echo "requests for it: ", count($s->requests()) - $before, "\n";
?>
--EXPECT--
duplicate keys, the last wins: id=M2 receivedAt=0 (30 February: not a date, so 0)
subject bytes: 526563686e756e6720c32820fffe20efbfbd20efbfbd20656e64
fromName bytes: f09f92a920c0af
attachment A0: name "..\/..\/etc\/passwd" (16 bytes), size 4
attachment A1: name "\/etc\/passwd" (11 bytes), size 4
attachment A2: name "evil\ufffd.pdf" (11 bytes), size 4
attachment A3: name "..\\..\\windows\\win.ini" (21 bytes), size 4
attachment A4: name "caf\u00e9.pdf" (9 bytes), size 4
attachment A5: name "bad\ufffd.pdf" (8 bytes), size 4
attachment A6: name "" (0 bytes), size 4
attachment A7: name "." (1 bytes), size 4
attachment A8: name ".." (2 bytes), size 4
attachment A10: name "..\/dup" (6 bytes), size -7
files written: target/file-0.bin=4 target/file-1.bin=4 target/file-2.bin=4 target/file-3.bin=4 target/file-4.bin=4 target/file-5.bin=4 target/file-6.bin=4 target/file-7.bin=4 target/file-8.bin=4 target/file-9.bin=4
/etc/passwd untouched: true
symlink target: the target ROOT/target/link.bin is a symbolic link (give the path of the file itself); nothing was written
link kept true, destination kept true
NUL in the target: ValueError: SqzGraph\Attachment::save(): Argument #1 ($target) must be a non-empty file path without NUL bytes
requests for it: 0