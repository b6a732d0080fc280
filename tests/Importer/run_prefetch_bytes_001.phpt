--TEST--
Importer::run(): the MIME and attachments fetched ahead in $batch (base64 members decoded into files) are byte for byte what the streamed $value gives — for a real MIME fixture, a binary attachment and a CRLF/8-bit one; a message over the prefetch threshold (2 MiB) is not in any $batch and its handler streams $value as before
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/prefetch.inc';
$f = im_start('basic', ['max_retries' => 1]);
$tmp = pf_private_tmp($f);
$binary = random_bytes(70000) . "\r\n\0\xff";
im_add($f, 'Binary', ['attachments' => [
    ['name' => 'scan.pdf', 'content_type' => 'application/pdf', 'content_base64' => base64_encode($binary)],
    ['name' => 'notes.txt', 'content_type' => 'text/plain', 'content_base64' => base64_encode("Zeile 1 \xc3\xa4\xc3\xb6\xc3\xbc\r\nZeile 2\n\r\n")],
]]);
im_add($f, 'Huge', ['attachments' => [['name' => 'big.pdf', 'content_type' => 'application/pdf', 'size' => 10]], 'pad_to' => 3 << 20]);
$seen = [];
$since = im_seq($f);
$r = im_importer($f)->run(pf_handler($f, ['Binary' => function () use ($tmp, &$seen) { $seen = pf_tmp_files($tmp); }]));
im_report($f, $r, false);
echo 'while the handlers ran: ', json_encode(array_map(fn ($x) => preg_replace('~^sqzgraph-import-\d+-\w{6}/~', 'sqzgraph-import-PID-XXXXXX/', $x), $seen)), "\n";
echo 'after the run: ', json_encode(pf_tmp_files($tmp)), "\n";

$g = pf_graph($f, $since);
$batched = [];
foreach ($g as $x) {
    foreach ($x['members'] as $m) {
        if ($m['method'] === 'GET' && preg_match('~/(\$value|attachments)$~', parse_url($m['target'], PHP_URL_PATH))) {
            $batched[] = preg_replace('~^GET /messages/\{([^}]+)\}/.*~', '$1', 'GET ' . im_path($f, $m['target']));
        }
    }
}
echo 'fetched ahead: ', json_encode(array_values(array_unique($batched))), "\n";
echo 'streamed by a handler: ', json_encode(array_values(array_map(fn ($x) => im_path($f, $x['target']),
    array_filter($g, fn ($x) => $x['members'] === [] && str_contains($x['target'], '/messages/'))))), "\n";

// The same messages streamed outside a run (Exported now): the bytes must be the same.
$mb = im_mailbox($f);
foreach (['fixture', 'Binary', 'Huge', 'Invoice 1'] as $label) {
    $id = im_id($f, $label);
    $streamed = "{$f->dir}/streamed.eml";
    $mb->saveMime($id, $streamed);
    $same = file_get_contents("{$f->dir}/out/$label/message.eml") === file_get_contents($streamed);
    $size = strlen(file_get_contents($streamed));
    $atts = [];
    foreach ($mb->message($id)->attachments() as $a) {
        if ($a->kind === 'file') {
            $a->save($streamed);
            $atts[] = $a->name . (file_get_contents("{$f->dir}/out/$label/" . rawurlencode($a->name)) === file_get_contents($streamed) ? ' same' : ' DIFFERENT');
        }
    }
    printf("%s: MIME %s (%s 2 MiB), attachments: %s\n", $label, $same ? 'same' : 'DIFFERENT', $size > (2 << 20) ? 'over' : 'under', implode(', ', $atts));
}
echo 'fixture is the fixture file: ', json_encode(file_get_contents("{$f->dir}/out/fixture/message.eml")
    === file_get_contents(__DIR__ . '/../mock-tenant/fixtures/mime/pmmp-m0013.eml')), "\n";
echo 'Binary attachment is the original: ', json_encode(file_get_contents("{$f->dir}/out/Binary/scan.pdf") === $binary), "\n";
?>
--EXPECTF--
imported=7 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
while the handlers ran: ["sqzgraph-import-PID-XXXXXX\/ (%d files)"]
after the run: []
fetched ahead: ["Invoice 1","Invoice 2","Invoice 3","No attachment","fixture","Binary"]
streamed by a handler: ["\/messages\/{Huge}\/$value","\/messages\/{Huge}\/attachments","\/messages\/{Huge}\/attachments\/%s\/$value"]
fixture: MIME same (under 2 MiB), attachments: 50032266 CAR 11_MNPA00A01_9PTX_H00 ATT N° 1467829.pdf same
Binary: MIME same (under 2 MiB), attachments: scan.pdf same, notes.txt same
Huge: MIME same (over 2 MiB), attachments: big.pdf same
Invoice 1: MIME same (under 2 MiB), attachments: invoice-1.pdf same
fixture is the fixture file: true
Binary attachment is the original: true
