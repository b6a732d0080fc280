--TEST--
Mailbox::attachments(): every attachment as an Attachment (id, name, contentType, size, isInline, kind file|item|reference); $select'ed listing; none = []
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('basic');
$r = $t->addMessage(ADMIN, ['subject' => 'Mixed', 'attachments' => [
    ['name' => 'data.bin', 'content_type' => 'application/octet-stream', 'content_base64' => base64_encode(random_bytes(5000))],
    ['name' => 'logo.png', 'content_type' => 'image/png', 'size' => 1234, 'inline' => true, 'content_id' => 'logo@x'],
    ['kind' => 'item', 'subject' => 'Forwarded original'],
    ['kind' => 'reference', 'name' => 'Budget.xlsx', 'url' => 'https://contoso.sharepoint.example/Budget.xlsx'],
]]);
$m = mb_mailbox($t);
$s = mb_seq($t);
$list = $m->attachments($r['immutable_id']);
show('list', array_is_list($list));
foreach ($list as $a) {
    printf("%s | %s | %s | %d | inline %s | %s | id %s\n", get_class($a), $a->name, var_export($a->contentType, true), $a->size,
        var_export($a->isInline, true), $a->kind, is_string($a->id) && strlen($a->id) > 20 ? 'ok' : 'WRONG');
}
$log = mb_graph($t, $s);
show('one request', count($log));
show('path', parse_url($log[0]['target'], PHP_URL_PATH) === '/v1.0/me/messages/' . rawurlencode($r['immutable_id']) . '/attachments');
show('query', mb_query($log[0]['target']));
show('no attachments', $m->attachments(mb_id($t, 'No attachment')));
show('fixture', array_map(fn ($a) => [$a->name, $a->contentType, $a->kind], $m->attachments(mb_id($t, '50032266 CAR 11_MNPA00A01_9PTX_H00 ATT N° 1467829. pdf'))));
echo mb_describe(mb_catch(fn () => $m->attachments('AAkALgAAbogus'))), "\n";
?>
--EXPECT--
list: true
SqzGraph\Attachment | data.bin | 'application/octet-stream' | 5000 | inline false | file | id ok
SqzGraph\Attachment | logo.png | 'image/png' | 1234 | inline true | file | id ok
SqzGraph\Attachment | Forwarded original | NULL | 258 | inline false | item | id ok
SqzGraph\Attachment | Budget.xlsx | NULL | 512 | inline false | reference | id ok
one request: 1
path: true
query: {"$select":"id,name,contentType,size,isInline"}
no attachments: []
fixture: [["50032266 CAR 11_MNPA00A01_9PTX_H00 ATT N° 1467829.pdf","application/pdf","file"]]
SqzGraph\GraphException status=400 code='ErrorInvalidIdMalformed'
