--TEST--
Importer::run(), fetch_ahead default (['mime', 'attachments']): the prefetch $batches hold each message's $value and its attachment list without contentBytes; every attachment whose part the MIME holds beyond doubt (a unique name — RFC 2047 and RFC 2231 names decoded —, base64) is saved from the MIME fetched ahead, byte for byte, with no request of its own; twins by name, a quoted-printable part and parts inside an attached message are not taken from the MIME: those attachments alone are streamed from Graph, byte for byte too
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/prefetch.inc';
$f = im_start('basic');
$pdf = random_bytes(30000) . "\r\n\0\xff";
$png = random_bytes(4000);
im_add($f, 'Plain', ['attachments' => [
    ['name' => 'scan.pdf', 'content_type' => 'application/pdf', 'content_base64' => base64_encode($pdf)],
    ['name' => "Rechnung \u{00e4}\u{00f6} 2024.pdf", 'content_type' => 'application/pdf', 'size' => 5000],
    ['name' => 'logo.png', 'content_type' => 'image/png', 'content_base64' => base64_encode($png), 'inline' => true, 'content_id' => 'logo@x'],
]]);
im_add($f, 'Twins', ['attachments' => [
    ['name' => 'same.pdf', 'content_type' => 'application/pdf', 'size' => 3000, 'seed' => 'one'],
    ['name' => 'same.pdf', 'content_type' => 'application/pdf', 'size' => 4000, 'seed' => 'two'],
]]);
$euro = random_bytes(2000);
$inner = "From: a@fabrikam.example\r\nSubject: inner\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"in\"\r\n\r\n"
    . "--in\r\nContent-Type: text/plain\r\n\r\nhi\r\n--in\r\nContent-Type: application/pdf; name=\"notes.txt\"\r\n"
    . "Content-Disposition: attachment; filename=\"notes.txt\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
    . base64_encode('not the outer notes') . "\r\n--in--\r\n";
$mime = "From: Sender <sender@fabrikam.example>\r\nSubject: Crafted\r\nDate: Thu, 01 Feb 2024 08:00:00 +0000\r\n"
    . "Message-ID: <crafted@fabrikam.example>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed;\r\n\tboundary=\"outer\"\r\n\r\n"
    . "preamble\r\n--outer\r\nContent-Type: multipart/alternative; boundary=alt\r\n\r\n--alt\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
    . "Body text\r\n--alt\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Body text</p>\r\n--alt--\r\n"
    . "--outer\r\nContent-Type: application/pdf;\r\n name*0*=utf-8''%E2%82%AC%20in;\r\n name*1*=voice.pdf\r\n"
    . "Content-Disposition: attachment;\r\n filename*=utf-8''%E2%82%AC%20invoice.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n"
    . chunk_split(base64_encode($euro), 76, "\r\n")
    . "--outer\r\nContent-Type: text/plain; charset=utf-8; name=\"notes.txt\"\r\nContent-Disposition: attachment; filename=\"notes.txt\"\r\n"
    . "Content-Transfer-Encoding: quoted-printable\r\n\r\nZeile =C3=A4 eins=\r\n zwei\r\n"
    . "--outer\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment\r\n\r\n$inner\r\n--outer--\r\nepilogue\r\n";
im_add($f, 'Crafted', ['mime_base64' => base64_encode($mime)]);

// What Squeeze does: the MIME and every file attachment saved (twins apart: by their place).
$handler = function (SqzGraph\Message $m) use ($f) {
    $dir = "{$f->dir}/out/" . im_label($m->subject);
    @mkdir($dir, 0700, true);
    $m->saveMime("$dir/message.eml");
    foreach ($m->attachments() as $i => $a) {
        if ($a->kind === 'file') {
            $a->save("$dir/$i");
        }
    }
};
$since = im_seq($f);
$r = im_importer($f)->run($handler);
im_report($f, $r, false);

$g = pf_graph($f, $since);
$members = [];
foreach ($g as $x) {
    foreach ($x['members'] as $m) {
        if ($m['method'] === 'GET' && preg_match('~/(\$value|attachments)$~', parse_url($m['target'], PHP_URL_PATH))) {
            $q = parse_url($m['target'], PHP_URL_QUERY);
            $members[preg_replace('~^/messages/\{[^}]+\}~', '/messages/{ID}', im_path($f, $m['target'])) . ($q ? '?' . rawurldecode($q) : '')][] = 1;
        }
    }
}
echo "fetched ahead (\$batch members, per message):\n";
foreach ($members as $k => $v) {
    echo "  GET $k: ", count($v), "\n";
}
echo "streamed by the handlers:\n";
$names = [];
$mb = im_mailbox($f);
foreach ($g as $x) {
    if ($x['members'] === [] && str_contains($x['target'], '/messages/')) {
        $path = im_path($f, $x['target']);
        if (preg_match('~^/messages/\{([^}]+)\}/attachments/(.+)/\$value$~', $path, $p)) {
            $names[$p[1]] ??= array_column(array_map(fn ($a) => ['id' => $a->id, 'name' => $a->name], $mb->message(im_id($f, $p[1]))->attachments()), 'name', 'id');
            $path = "/messages/{{$p[1]}}/attachments/{" . $names[$p[1]][$p[2]] . '}/$value';
        }
        echo "  {$x['method']} $path -> {$x['status']}\n";
    }
}
// The same messages streamed outside a run (Exported now): the bytes must be the same.
foreach (['Plain', 'Twins', 'Crafted', 'fixture', 'Invoice 1'] as $label) {
    $id = im_id($f, $label);
    $streamed = "{$f->dir}/streamed.bin";
    @unlink($streamed);
    $mb->saveMime($id, $streamed);
    $same = file_get_contents("{$f->dir}/out/$label/message.eml") === file_get_contents($streamed);
    $atts = [];
    foreach ($mb->message($id)->attachments() as $i => $a) {
        if ($a->kind === 'file') {
            @unlink($streamed);
            $a->save($streamed);
            $atts[] = $a->name . ' (' . filesize($streamed) . ' bytes) ' . (file_get_contents("{$f->dir}/out/$label/$i") === file_get_contents($streamed) ? 'same' : 'DIFFERENT');
        }
    }
    printf("%s: MIME %s; %s\n", $label, $same ? 'same' : 'DIFFERENT', implode(', ', $atts));
}
echo 'originals: ', json_encode([file_get_contents("{$f->dir}/out/Plain/0") === $pdf, file_get_contents("{$f->dir}/out/Plain/2") === $png,
    file_get_contents("{$f->dir}/out/Crafted/0") === $euro, file_get_contents("{$f->dir}/out/Crafted/1") === "Zeile \u{00e4} eins zwei"]), "\n";
?>
--EXPECTF--
imported=8 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
fetched ahead ($batch members, per message):
  GET /messages/{ID}/$value: 8
  GET /messages/{ID}/attachments?$select=id,name,contentType,size,isInline: 8
streamed by the handlers:
  GET /messages/{Twins}/attachments/{same.pdf}/$value -> 200
  GET /messages/{Twins}/attachments/{same.pdf}/$value -> 200
  GET /messages/{Crafted}/attachments/{notes.txt}/$value -> 200
Plain: MIME same; scan.pdf (30004 bytes) same, Rechnung äö 2024.pdf (5000 bytes) same, logo.png (4000 bytes) same
Twins: MIME same; same.pdf (3000 bytes) same, same.pdf (4000 bytes) same
Crafted: MIME same; € invoice.pdf (2000 bytes) same, notes.txt (18 bytes) same
fixture: MIME same; 50032266 CAR 11_MNPA00A01_9PTX_H00 ATT N° 1467829.pdf (%d bytes) same
Invoice 1: MIME same; invoice-1.pdf (%d bytes) same
originals: [true,true,true,true]
