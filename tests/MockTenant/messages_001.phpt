--TEST--
Messages: default order, $orderby, $top limits, paging by nextLink, $select, $count, $filter and InefficientFilter, size property
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
for ($i = 1; $i <= 8; $i++) {
    $t->addMessage(ADMIN, ['subject' => "Extra $i", 'received' => '2024-02-0' . $i . 'T08:00:00Z']);
}
$tok = appToken($t);
$inbox = '/users/' . rawurlencode(ADMIN) . '/mailFolders/inbox/messages';
$d = $t->graphGet($tok, $inbox);
show('default page', [count($d['json']['value']), $d['json']['value'][0]['subject'], isset($d['json']['@odata.nextLink'])]);
show('default keys', array_slice(array_keys($d['json']['value'][0]), 0, 12));
$asc = $t->graphGet($tok, "$inbox?\$orderby=receivedDateTime%20asc&\$top=3&\$select=subject,receivedDateTime");
show('asc', array_column($asc['json']['value'], 'subject'));
show('select keys', array_keys($asc['json']['value'][0]));
show('etag', (bool) preg_match('~^W/"CQAAABYAAAA~', $asc['json']['value'][0]['@odata.etag']));
$subjects = [];
$url = $t->graph . "$inbox?\$top=4&\$select=subject&\$orderby=receivedDateTime%20asc";
$pages = 0;
while ($url !== null) {
    $p = $t->http('GET', $url, ["Authorization: Bearer $tok"]);
    $pages++;
    $subjects = array_merge($subjects, array_column($p['json']['value'], 'subject'));
    $url = $p['json']['@odata.nextLink'] ?? null;
    if ($url !== null && !str_starts_with($url, $t->graph . '/')) {
        echo "foreign nextLink\n";
    }
}
show('paged', [$pages, count($subjects), count(array_unique($subjects)), $subjects[0], end($subjects)]);
show('$top=1000', $t->graphGet($tok, "$inbox?\$top=1000")['status']);
$r = $t->graphGet($tok, "$inbox?\$top=1001");
show('$top=1001', [$r['status'], $r['json']['error']['code']]);
show('$top=abc', $t->graphGet($tok, "$inbox?\$top=abc")['status']);
show('$count', $t->graphGet($tok, "$inbox?\$count=true&\$top=1")['json']['@odata.count']);
$f = $t->graphGet($tok, "$inbox?\$filter=receivedDateTime%20ge%202024-02-05T00:00:00Z&\$orderby=receivedDateTime%20asc&\$select=subject");
show('filter+orderby', array_column($f['json']['value'], 'subject'));
$bad = $t->graphGet($tok, "$inbox?\$filter=hasAttachments%20eq%20true&\$orderby=receivedDateTime%20desc");
show('InefficientFilter', [$bad['status'], $bad['json']['error']['code'], $bad['json']['error']['message']]);
$ok = $t->graphGet($tok, "$inbox?\$filter=receivedDateTime%20ge%202024-01-01T00:00:00Z%20and%20hasAttachments%20eq%20true&\$orderby=receivedDateTime%20desc&\$select=subject");
show('filter attachments', count($ok['json']['value']));
$sel = $t->graphGet($tok, "$inbox?\$select=nonsense");
show('bad $select', [$sel['status'], $sel['json']['error']['code']]);
$size = $t->graphGet($tok, "$inbox?\$top=1&\$orderby=receivedDateTime%20asc&\$select=subject&\$expand=" . rawurlencode("singleValueExtendedProperties(\$filter=id eq 'Integer 0x0E08')"));
$m = $size['json']['value'][0];
$fc = $t->messagesIn(ADMIN, 'inbox');
show('size', [$m['singleValueExtendedProperties'][0]['id'], $m['singleValueExtendedProperties'][0]['value'] === (string) $fc[0]['size']]);
$all = $t->graphGet($tok, '/users/' . rawurlencode(ADMIN) . '/messages?$top=50&$select=subject');
show('/messages across folders', count($all['json']['value']));
$one = $t->graphGet($tok, '/users/' . rawurlencode(ADMIN) . '/messages/' . rawurlencode($m['id']));
show('get one', [$one['status'], $one['json']['subject'], $one['json']['from']['emailAddress']['address'], $one['json']['hasAttachments'],
    $one['json']['receivedDateTime']]);
?>
--EXPECT--
default page: [10,"Extra 8",true]
default keys: ["@odata.etag","id","createdDateTime","lastModifiedDateTime","changeKey","categories","receivedDateTime","sentDateTime","hasAttachments","internetMessageId","subject","bodyPreview"]
asc: ["Invoice 1","Invoice 2","Invoice 3"]
select keys: ["@odata.etag","id","receivedDateTime","subject"]
etag: true
paged: [4,13,13,"Invoice 1","Extra 8"]
$top=1000: 200
$top=1001: [400,"ErrorInvalidUrlQuery"]
$top=abc: 400
$count: 13
filter+orderby: ["Extra 5","Extra 6","Extra 7","Extra 8"]
InefficientFilter: [400,"InefficientFilter","The restriction or sort order is too complex for this operation."]
filter attachments: 4
bad $select: [400,"RequestBroker--ParseUri"]
size: ["Integer 0xe08",true]
/messages across folders: 13
get one: [200,"Invoice 1","billing@fabrikam.example",true,"2024-01-05T10:01:00Z"]
