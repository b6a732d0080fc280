--TEST--
Mailbox::messages(): options are checked when the iterator is made (unknown key, page_size 1..1000, limit >= 0, int only)
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$config = new SqzGraph\Config(['flow' => 'client_credentials', 'tenant_id' => TENANT, 'client_id' => CLIENT,
    'client_secret' => SECRET, 'mailbox' => ADMIN, 'authority' => 'http://127.0.0.1:9', 'graph_endpoint' => 'http://127.0.0.1:9/v1.0']);
$m = new SqzGraph\Mailbox(new SqzGraph\Authenticator($config, new SqzGraph\FileStore(mb_tmp() . '/s')));
foreach ([['pagesize' => 10], [0 => 1], ['page_size' => 0], ['page_size' => 1001], ['page_size' => -5],
    ['page_size' => '10'], ['limit' => -1], ['limit' => 1.5], ['page_size' => null]] as $o) {
    $e = mb_catch(fn () => $m->messages('inbox', $o));
    echo json_encode($o), ' => ', get_class($e), ': ', $e->getMessage(), "\n";
}
show('ok', get_class($m->messages('inbox', ['page_size' => 1, 'limit' => 0])));
?>
--EXPECT--
{"pagesize":10} => ValueError: SqzGraph\Mailbox::messages(): Argument #2 ($options) must contain only the keys "page_size" and "limit", "pagesize" given
[1] => ValueError: SqzGraph\Mailbox::messages(): Argument #2 ($options) must contain only the keys "page_size" and "limit", "(integer key)" given
{"page_size":0} => ValueError: SqzGraph\Mailbox::messages(): Argument #2 ($options) option "page_size" must be between 1 and 1000 (Graph's limit)
{"page_size":1001} => ValueError: SqzGraph\Mailbox::messages(): Argument #2 ($options) option "page_size" must be between 1 and 1000 (Graph's limit)
{"page_size":-5} => ValueError: SqzGraph\Mailbox::messages(): Argument #2 ($options) option "page_size" must be between 1 and 1000 (Graph's limit)
{"page_size":"10"} => TypeError: SqzGraph\Mailbox::messages(): Argument #2 ($options) option "page_size" must be of type int, string given
{"limit":-1} => ValueError: SqzGraph\Mailbox::messages(): Argument #2 ($options) option "limit" must be 0 (no limit) or more
{"limit":1.5} => TypeError: SqzGraph\Mailbox::messages(): Argument #2 ($options) option "limit" must be of type int, float given
{"page_size":null} => TypeError: SqzGraph\Mailbox::messages(): Argument #2 ($options) option "page_size" must be of type int, null given
ok: 'SqzGraph\\MessageIterator'
