--TEST--
Attachment::save(): a file attachment's bytes (binary, CR LF, NUL) to a path or a stream, byte-identical; returns the byte count; inline attachments too
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/../Mailbox/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../Mailbox/common.inc';
$t = mb_tenant('basic');
$pdf = "%PDF-1.4\r\n" . random_bytes(200000) . "\n%%EOF\r\n";
$png = "\x89PNG\r\n\x1a\n" . random_bytes(3000);
$r = $t->addMessage(ADMIN, ['subject' => 'Two files', 'attachments' => [
    ['name' => 'Rechnung März.pdf', 'content_type' => 'application/pdf', 'content_base64' => base64_encode($pdf)],
    ['name' => 'logo.png', 'content_type' => 'image/png', 'content_base64' => base64_encode($png), 'inline' => true, 'content_id' => 'logo@x'],
]]);
$m = mb_mailbox($t);
$dir = mb_tmp();
$want = ['Rechnung März.pdf' => $pdf, 'logo.png' => $png];
foreach ($m->message($r['immutable_id'])->attachments() as $a) {
    $raw = $want[$a->name];
    $n = $a->save("$dir/{$a->name}");
    $fp = fopen('php://memory', 'w+b');
    $n2 = $a->save($fp);
    $fh = fopen("$dir/handle", 'w+b');
    $n3 = $a->save($fh);
    printf("%s (%s, inline %s): size %s, path %s, memory %s, handle %s, returned %s\n", $a->name, $a->contentType, json_encode($a->isInline),
        $a->size === strlen($raw) ? 'ok' : $a->size, file_get_contents("$dir/{$a->name}") === $raw ? 'same' : 'DIFFERENT',
        mb_contents($fp) === $raw ? 'same' : 'DIFFERENT', mb_contents($fh) === $raw ? 'same' : 'DIFFERENT',
        json_encode([$n, $n2, $n3] === array_fill(0, 3, strlen($raw))));
}
show('files', mb_ls($dir));
?>
--EXPECT--
Rechnung März.pdf (application/pdf, inline false): size ok, path same, memory same, handle same, returned true
logo.png (image/png, inline true): size ok, path same, memory same, handle same, returned true
files: ["Rechnung März.pdf","handle","logo.png"]
