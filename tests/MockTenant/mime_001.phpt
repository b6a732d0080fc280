--TEST--
$value is the MIME byte for byte (real fixtures, 1.1 MB too); attachments: file, item, reference (405), $value, contentBytes
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
$fix = __DIR__ . '/../mock-tenant/fixtures/mime/';
$big = $t->addMessage(ADMIN, ['mime_fixture' => 'pmmp-m0004.eml']);
$multi = $t->addMessage(ADMIN, ['mime_fixture' => 'pmmp-issue274.eml']);
$ref = $t->addMessage(ADMIN, ['subject' => 'link', 'attachments' => [['kind' => 'reference', 'name' => 'Budget.xlsx',
    'url' => 'https://contoso.sharepoint.example/Budget.xlsx'], ['name' => 'a.pdf', 'content_type' => 'application/pdf', 'size' => 100]]]);
$tok = appToken($t);
$msg = '/users/' . rawurlencode(ADMIN) . '/messages/';
$v = $t->graphGet($tok, $msg . rawurlencode($big['id']) . '/$value');
show('big $value', [$v['status'], $v['headers']['content-type'], strlen($v['body']), hash('sha256', $v['body']) === hash_file('sha256', $fix . 'pmmp-m0004.eml')]);
$v = $t->graphGet($tok, $msg . rawurlencode($multi['id']) . '/$value', ['Accept-Encoding: gzip']);
show('issue274 $value', [hash('sha256', $v['body']) === hash_file('sha256', $fix . 'pmmp-issue274.eml'), $v['headers']['content-encoding'] ?? 'identity']);
$list = $t->graphGet($tok, $msg . rawurlencode($multi['id']) . '/attachments');
foreach ($list['json']['value'] as $a) {
    show('att', [$a['@odata.type'], $a['name'], $a['contentType'], $a['size'], $a['isInline'], isset($a['contentBytes'])]);
}
$pdf = $list['json']['value'][1];
$raw = $t->graphGet($tok, $msg . rawurlencode($multi['id']) . '/attachments/' . rawurlencode($pdf['id']) . '/$value');
show('pdf $value', [$raw['status'], $raw['headers']['content-type'], strlen($raw['body']), $raw['body'] === base64_decode($pdf['contentBytes']),
    str_starts_with($raw['body'], '%PDF')]);
$item = end($list['json']['value']);
$raw = $t->graphGet($tok, $msg . rawurlencode($multi['id']) . '/attachments/' . rawurlencode($item['id']) . '/$value');
show('item $value', [$raw['status'], strlen($raw['body']) === $item['size'], stripos($raw['body'], 'Content-Type:') !== false]);
$one = $t->graphGet($tok, $msg . rawurlencode($multi['id']) . '/attachments/' . rawurlencode($pdf['id']) . '?$select=name,size');
show('one $select', array_keys($one['json']));
$rl = $t->graphGet($tok, $msg . rawurlencode($ref['id']) . '/attachments');
$r0 = $rl['json']['value'][1];
show('reference', [$r0['@odata.type'], $r0['sourceUrl'], isset($r0['contentBytes'])]);
$x = $t->graphGet($tok, $msg . rawurlencode($ref['id']) . '/attachments/' . rawurlencode($r0['id']) . '/$value');
show('reference $value', [$x['status'], $x['json']['error']['code']]);
$page = $t->graphGet($tok, $msg . rawurlencode($multi['id']) . '/attachments?$top=2&$select=name');
show('attachments paged', [count($page['json']['value']), isset($page['json']['@odata.nextLink'])]);
$m13 = $t->graphGet($tok, '/users/' . rawurlencode(ADMIN) . "/messages?\$filter=subject%20eq%20'x'");
show('filter subject', count($m13['json']['value']));
$fx = array_values(array_filter($t->messagesIn(ADMIN, 'inbox'), fn ($m) => str_starts_with($m['subject'], '50032266')))[0];
show('m0013 subject + sha', [$fx['subject'], $fx['mime_sha256'] === hash_file('sha256', $fix . 'pmmp-m0013.eml')]);
$a13 = $t->graphGet($tok, $msg . rawurlencode($fx['id']) . '/attachments?$select=name,contentType');
show('m0013 attachment', [$a13['json']['value'][0]['name'], $a13['json']['value'][0]['contentType']]);
?>
--EXPECTF--
big $value: [200,"text/plain",1107154,true]
issue274 $value: [true,"identity"]
att: ["#microsoft.graph.fileAttachment","Hello from SwiftMailer.docx","application/vnd.openxmlformats-officedocument.wordprocessingml.document",11911,false,true]
att: ["#microsoft.graph.fileAttachment","Hello from SwiftMailer.pdf","application/pdf",12798,false,true]
att: ["#microsoft.graph.fileAttachment","Hello from SwiftMailer.odt","application/vnd.oasis.opendocument.text",9720,false,true]
att: ["#microsoft.graph.fileAttachment","Cours-Tutoriels-Serge-Tahé-1568x268.png","image/png",42264,false,true]
att: ["#microsoft.graph.itemAttachment","test-localhost",null,%d,false,false]
pdf $value: [200,"application/pdf",12798,true,true]
item $value: [200,true,true]
one $select: ["@odata.context","@odata.type","id","name","size"]
reference: ["#microsoft.graph.referenceAttachment","https://contoso.sharepoint.example/Budget.xlsx",false]
reference $value: [405,"notSupported"]
attachments paged: [2,true]
filter subject: 0
m0013 subject + sha: ["50032266 CAR 11_MNPA00A01_9PTX_H00 ATT N° 1467829. pdf",true]
m0013 attachment: ["50032266 CAR 11_MNPA00A01_9PTX_H00 ATT N° 1467829.pdf","application/pdf"]
