--TEST--
Importer option fetch_ahead: ['mime'] fetches only the MIME ahead (the handler lists and streams the attachments), ['attachments'] only the list with contentBytes (the handler streams the MIME), [] nothing (the handler streams everything); the bytes the handler saves are the same each way; a wrong value is a TypeError / ValueError
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/prefetch.inc';
$f = im_start('basic');
foreach ([['fetch_ahead' => 'mime'], ['fetch_ahead' => ['mime', 'pdf']], ['fetch_ahead' => ['a' => 'mime']], ['fetch_ahead' => [1]]] as $o) {
    try {
        im_importer($f, $o);
        echo "accepted\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
// The seed's Inbox first, with the default.
im_importer($f)->run(pf_handler($f));
$pdf = random_bytes(20000);
foreach (['mime' => ['mime'], 'attachments' => ['attachments'], 'none' => [], 'both twice' => ['attachments', 'mime', 'mime']] as $label => $fetch) {
    im_add($f, "$label A", ['attachments' => [['name' => 'a.pdf', 'content_type' => 'application/pdf', 'content_base64' => base64_encode($pdf)]]]);
    im_add($f, "$label B");
    $since = im_seq($f);
    $r = im_importer($f, ['fetch_ahead' => $fetch])->run(pf_handler($f));
    $ahead = $streamed = [];
    foreach (pf_graph($f, $since) as $x) {
        foreach ($x['members'] as $m) {
            if ($m['method'] === 'GET' && preg_match('~/(\$value|attachments)$~', parse_url($m['target'], PHP_URL_PATH))) {
                $ahead[] = im_path($f, $m['target']) . (str_contains($m['target'], 'select=') ? ' (no bytes)' : '');
            }
        }
        if ($x['members'] === [] && str_contains($x['target'], '/messages/')) {
            $streamed[] = preg_replace('~/attachments/.+/\$value$~', '/attachments/{a.pdf}/$value', im_path($f, $x['target']));
        }
    }
    $mb = im_mailbox($f);
    @unlink("{$f->dir}/s.eml");
    $mb->saveMime(im_id($f, "$label A"), "{$f->dir}/s.eml");
    printf("%s: imported %d; fetched ahead %s; streamed %s; MIME %s, a.pdf %s\n", $label, $r->imported, json_encode($ahead), json_encode($streamed),
        file_get_contents("{$f->dir}/out/$label A/message.eml") === file_get_contents("{$f->dir}/s.eml") ? 'same' : 'DIFFERENT',
        file_get_contents("{$f->dir}/out/$label A/a.pdf") === $pdf ? 'same' : 'DIFFERENT');
}
?>
--EXPECT--
TypeError: SqzGraph\Importer::__construct(): Argument #3 ($options) option "fetch_ahead" must be of type array, string given
ValueError: SqzGraph\Importer::__construct(): Argument #3 ($options) option "fetch_ahead" must be a list of "mime" and "attachments"
ValueError: SqzGraph\Importer::__construct(): Argument #3 ($options) option "fetch_ahead" must be a list
ValueError: SqzGraph\Importer::__construct(): Argument #3 ($options) option "fetch_ahead" must be a list of "mime" and "attachments"
mime: imported 2; fetched ahead ["\/messages\/{mime A}\/$value","\/messages\/{mime B}\/$value"]; streamed ["\/messages\/{mime A}\/attachments","\/messages\/{mime A}\/attachments\/{a.pdf}\/$value","\/messages\/{mime B}\/attachments"]; MIME same, a.pdf same
attachments: imported 2; fetched ahead ["\/messages\/{attachments A}\/attachments","\/messages\/{attachments B}\/attachments"]; streamed ["\/messages\/{attachments A}\/$value","\/messages\/{attachments B}\/$value"]; MIME same, a.pdf same
none: imported 2; fetched ahead []; streamed ["\/messages\/{none A}\/$value","\/messages\/{none A}\/attachments","\/messages\/{none A}\/attachments\/{a.pdf}\/$value","\/messages\/{none B}\/$value","\/messages\/{none B}\/attachments"]; MIME same, a.pdf same
both twice: imported 2; fetched ahead ["\/messages\/{both twice A}\/$value","\/messages\/{both twice A}\/attachments (no bytes)","\/messages\/{both twice B}\/$value","\/messages\/{both twice B}\/attachments (no bytes)"]; streamed []; MIME same, a.pdf same
