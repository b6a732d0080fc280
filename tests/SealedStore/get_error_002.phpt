--TEST--
SealedStore::get(): an altered, truncated or swapped record is a StoreException
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../Store/util.inc';
$dir = sqz_test_dir('sealed-get-error-002');
$inner = new SqzGraph\FileStore($dir);
$s = new SqzGraph\SealedStore($inner, 'key for the tamper test');

function show(SqzGraph\Store $s, string $key): void
{
    try {
        var_dump($s->get($key));
    } catch (SqzGraph\StoreException $e) {
        echo $e->getMessage(), "\n";
    }
}

$s->put('a', 'alice');
$s->put('b', 'bob');
$good = $inner->get('a');

// every single byte altered (the inner FileStore's own checksum is valid: the
// damage happened before it was written)
$undetected = 0;
for ($i = 0; $i < strlen($good); $i++) {
    $bad = $good;
    $bad[$i] = chr(ord($bad[$i]) ^ 0x01);
    $inner->put('a', $bad);
    try {
        $s->get('a');
        $undetected++;
    } catch (SqzGraph\StoreException) {
    }
}
echo "undetected flips: $undetected\n";
$bad = $good;
$bad[30] = chr(ord($bad[30]) ^ 0x80);
$inner->put('a', $bad);
show($s, 'a');
$inner->put('a', substr($good, 0, 20));
show($s, 'a');
$bad = $good;
$bad[4] = "\x02";
$inner->put('a', $bad);
show($s, 'a');

// records swapped between keys do not open: the key is authenticated
$inner->put('a', $inner->get('b'));
show($s, 'a');
show($s, 'b');
$inner->put('a', $good);
show($s, 'a');
?>
--CLEAN--
<?php
require __DIR__ . '/../Store/util.inc';
sqz_rmrf(sys_get_temp_dir() . '/sqzgraph-test-sealed-get-error-002');
?>
--EXPECT--
undetected flips: 0
record 'a' cannot be decrypted: the encryption_key does not match the one it was sealed with (or the record was altered); configure the original encryption_key, or delete the record and authorize again
record 'a' is corrupt (sealed record truncated); restore it from a backup or delete it and authorize again
record 'a' is sealed in an unknown format version (written by a newer sqzgraph?); upgrade sqzgraph or delete the record and authorize again
record 'a' cannot be decrypted: the encryption_key does not match the one it was sealed with (or the record was altered); configure the original encryption_key, or delete the record and authorize again
string(3) "bob"
string(5) "alice"
