--TEST--
sqzgraph import: the [import] section (require_attachments, attachment_types, max_message_size with a suffix, max_messages, error_category) and command-line overrides; messages without a qualifying attachment and too large ones end in Error with their reason as an Outlook category, listed after the run; mistakes name the key (INI: exit 2, command line: exit 64) before any request
--SKIPIF--
<?php require __DIR__ . '/../Authenticator/skipif.inc';
if (!class_exists('SqzGraph\Importer')) die('skip SqzGraph\Importer not built yet'); ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';
$t = MockTenant::start('basic');
$at = strtotime('2024-02-01T09:00:00Z');
$t->addMessage(ADMIN, ['subject' => 'Too large', 'received' => gmdate('c', $at),
    'attachments' => [['name' => 'big.pdf', 'content_type' => 'application/pdf', 'size' => 200 * 1024]]]);
$t->addMessage(ADMIN, ['subject' => 'Only a link', 'received' => gmdate('c', $at + 60),
    'attachments' => [['kind' => 'reference', 'name' => 'Budget.xlsx', 'url' => 'https://contoso.sharepoint.example/Budget.xlsx']]]);
$t->addMessage(ADMIN, ['subject' => 'Picture only', 'received' => gmdate('c', $at + 120),
    'attachments' => [['name' => 'photo.png', 'content_type' => 'image/png', 'size' => 2000]]]);
$t->addMessage(ADMIN, ['subject' => 'Scan as TIFF', 'received' => gmdate('c', $at + 180),
    'attachments' => [['name' => 'scan.tif', 'content_type' => 'image/tiff', 'size' => 2000]]]);
$dir = sqz_tmp('cli');
$cc = ['flow' => 'client_credentials', 'redirect_uri' => null, 'mailbox' => ADMIN];
$norm = fn (string $s) => preg_replace('/ in [\d.]+ s( \([\d.]+ messages\/s\))?/', ' in N s', cli_norm($s, $dir, $t));

echo "--- mistakes, before any request\n";
$t->clearRequests();
$bad = [
    "[import]\nrequire_attachments = maybe\n", "[import]\nmax_message_size = 5X\n", "[import]\nmax_message_size = 0\n",
    "[import]\nattachment_types = pdf, appl ication/pdf\n", "[import]\nattachment_types = ,\n", "[import]\nmax_messages = 0\n",
    "[import]\nmax_attempts = 1.5\n", "[import]\nrequire_attachment = true\n", "[import]\nmax_messages[] = 1\n",
    "[imprt]\nmax_messages = 1\n", "[import]\nerror_category = \"a\tb\"\n",
];
foreach ($bad as $i => $section) {
    $ini = cli_ini($t, $dir, "bad$i", $cc);
    file_put_contents($ini, $section, FILE_APPEND);
    [$rc, $out, $err] = cli(['import', '--config', $ini, '--target', "$dir/out"]);
    echo "exit $rc: ", trim(cli_norm($err, $dir)), "\n";
}
$ini = cli_ini($t, $dir, 'cc', $cc);
foreach ([['--max-messages', 'abc'], ['--max-messages', '0'], ['--max-message-size', '-1'], ['--attachment-types', 'a b'],
    ['--max', '1', '--max-messages', '2'], ['--require-attachments=yes']] as $args) {
    [$rc, $out, $err] = cli(array_merge(['import', '--config', $ini, '--target', "$dir/out"], $args));
    echo "exit $rc: ", trim(cli_norm($err, $dir)), "\n";
}
echo 'requests: ', count($t->requests()), ', target created: ', json_encode(is_dir("$dir/out")), "\n";

echo "--- [import]: PDFs only, at most 100K, category Squeeze; --max-messages 4 overrides max_messages = 2\n";
file_put_contents($ini, "[import]\nrequire_attachments = yes\nattachment_types = pdf\nmax_message_size = 100K\n"
    . "max_messages = 2\nerror_category = Squeeze\n", FILE_APPEND);
[$rc, $out, $err] = cli(['import', '--config', $ini, '--target', "$dir/out", '--max-messages', '4']);
echo "exit $rc ", json_encode($err), "\n", $norm($out);
echo "--- the rest; --attachment-types overrides: PDF and TIFF\n";
[$rc, $out, $err] = cli(['import', '--config', $ini, '--target', "$dir/out", '--attachment-types', 'application/pdf, image/tiff',
    '--max-messages', '10']);
echo "exit $rc ", json_encode($err), "\n", $norm($out);
foreach (['inbox', 'Exported', 'Error'] as $f) {
    echo "$f: ", implode(', ', array_map(fn ($m) => $m['subject'] . ($m['categories'] ? ' ' . json_encode($m['categories']) : ''),
        $t->messagesIn(ADMIN, $f))), "\n";
}
echo 'directories: ', count(glob("$dir/out/*", GLOB_ONLYDIR)), ' (one per message in Exported)', "\n";
?>
--EXPECT--
--- mistakes, before any request
exit 2: sqzgraph: DIR/bad0.ini: [import]: require_attachments must be true or false, got 'maybe'
exit 2: sqzgraph: DIR/bad1.ini: [import]: max_message_size must be a size in bytes, optionally with K, M or G (e.g. 25M), got '5X'
exit 2: sqzgraph: DIR/bad2.ini: [import]: max_message_size must be a size in bytes, optionally with K, M or G (e.g. 25M), got '0'
exit 2: sqzgraph: DIR/bad3.ini: [import]: attachment_types: 'appl ication/pdf' is neither a MIME type (application/pdf, image/*) nor a file extension (pdf)
exit 2: sqzgraph: DIR/bad4.ini: [import]: attachment_types lists no type; leave it empty to accept any attachment
exit 2: sqzgraph: DIR/bad5.ini: [import]: max_messages must be a whole number from 1 to 999999999, got '0'
exit 2: sqzgraph: DIR/bad6.ini: [import]: max_attempts must be a whole number from 1 to 999999999, got '1.5'
exit 2: sqzgraph: DIR/bad7.ini: [import]: unknown key 'require_attachment' (known: require_attachments, attachment_types, include_inline, max_message_size, max_messages, max_attempts, error_category)
exit 2: sqzgraph: DIR/bad8.ini: [import]: max_messages takes one value, not a list
exit 2: sqzgraph: DIR/bad9.ini: unknown section [imprt] (known: [sqzgraph], [import])
exit 2: sqzgraph: DIR/bad10.ini: [import]: error_category must be at most 200 bytes without control characters (or none for no category)
exit 64: sqzgraph: import: --max-messages must be a whole number from 1 to 999999999, got 'abc'
exit 64: sqzgraph: import: --max-messages must be a whole number from 1 to 999999999, got '0'
exit 64: sqzgraph: import: --max-message-size must be a size in bytes, optionally with K, M or G (e.g. 25M), got '-1'
exit 64: sqzgraph: import: --attachment-types: 'a b' is neither a MIME type (application/pdf, image/*) nor a file extension (pdf)
exit 64: sqzgraph: import: --max is --max-messages; give one of them
exit 64: sqzgraph: import: --require-attachments takes no value
requests: 0, target created: false
--- [import]: PDFs only, at most 100K, category Squeeze; --max-messages 4 overrides max_messages = 2
exit 0 ""
fetching 4 messages…
[1/4] imported  Invoice 1
[2/4] imported  Invoice 2
[3/4] imported  Invoice 3
[4/4] failed    No attachment
failed    No attachment: missing_attachments
imported 3, failed 1, deferred 0, vanished 0, resumed 0 in N s
--- the rest; --attachment-types overrides: PDF and TIFF
exit 0 ""
fetching 5 messages…
[1/5] imported  50032266 CAR 11_MNPA00A01_9PTX_H00 ATT N° 1467829. pdf
[2/5] failed    Too large
[3/5] failed    Only a link
[4/5] failed    Picture only
[5/5] imported  Scan as TIFF
failed    Too large: too_large
failed    Only a link: missing_attachments
failed    Picture only: missing_attachments
imported 2, failed 3, deferred 0, vanished 0, resumed 0 in N s
inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, 50032266 CAR 11_MNPA00A01_9PTX_H00 ATT N° 1467829. pdf, Scan as TIFF
Error: No attachment ["Squeeze: missing_attachments"], Too large ["Squeeze: too_large"], Only a link ["Squeeze: missing_attachments"], Picture only ["Squeeze: missing_attachments"]
directories: 5 (one per message in Exported)