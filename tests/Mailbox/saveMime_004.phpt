--TEST--
Relative paths are the script's: saveMime(), saveAttachment(), Attachment::save(), FileStore and Config's ca_file resolve them against PHP's working directory (per thread in a thread-safe PHP, where chdir() does not move the process), once, when they are given
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('basic');
$bytes = "%PDF-1.4 relative\r\n";
$r = $t->addMessage(ADMIN, ['subject' => 'Relative', 'attachments' => [
    ['name' => 'r.pdf', 'content_type' => 'application/pdf', 'content_base64' => base64_encode($bytes)]]]);
$dir = mb_tmp();
mkdir("$dir/work/sub", 0700, true);
copy('/etc/ssl/certs/ca-certificates.crt', "$dir/work/ca.pem") || file_put_contents("$dir/work/ca.pem", "-----BEGIN CERTIFICATE-----\n");
$elsewhere = getcwd();
chdir("$dir/work");

$config = new SqzGraph\Config(mb_options($t, ['ca_file' => 'ca.pem']));
show('ca_file made absolute', $config->toArray()['ca_file'] === "$dir/work/ca.pem");
$store = new SqzGraph\FileStore('store');
show('store', $store->directory() === "$dir/work/store");

$m = mb_mailbox($t);
$n = $m->saveMime($r['immutable_id'], 'sub/m.eml');
show('saveMime', [$n > 0, is_file("$dir/work/sub/m.eml"), filesize("$dir/work/sub/m.eml") === $n]);
$a = $m->attachments($r['immutable_id'])[0];
show('saveAttachment', [$m->saveAttachment($r['immutable_id'], $a->id, 'a.pdf'), file_get_contents("$dir/work/a.pdf") === $bytes]);
show('Attachment::save', [$a->save('./sub/../b.pdf'), file_get_contents("$dir/work/b.pdf") === $bytes]);

// Fixed when given: the store stays where it was opened after another chdir().
chdir($elsewhere);
$store->put('k', 'v');
show('store after chdir', is_file("$dir/work/store/k-k.rec") && $store->get('k') === 'v');
show('nothing in the old working directory', [file_exists("$elsewhere/sub/m.eml"), file_exists("$elsewhere/a.pdf"), file_exists("$elsewhere/store")]);
?>
--EXPECT--
ca_file made absolute: true
store: true
saveMime: [true,true,true]
saveAttachment: [19,true]
Attachment::save: [19,true]
store after chdir: true
nothing in the old working directory: [false,false,false]
