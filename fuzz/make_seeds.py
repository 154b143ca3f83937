#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets into fuzz/corpus/<target>/
(git-ignored): fixtures, a few JSONL lines, a tiny RSS/Atom/RDF feed, HTML
snippets, phrase patterns and the first 50 lines of each KB file."""
import csv, os, shutil

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
C = os.path.join(HERE, 'corpus')

def put(target, name, data):
    d = os.path.join(C, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode('utf-8')
    with open(os.path.join(d, name), 'wb') as f:
        f.write(data)

for f in ['mt-01', 'mt-02', 'mt-05', 'mt-09', 'mt-15', 'clean-01', 'clean-03']:
    data = open(os.path.join(ROOT, 'fixtures', f + '.txt'), 'rb').read()
    for t in ['tokenise', 'dateline', 'check']:
        put(t, f + '.txt', data)

put('tokenise', 'md.txt', '# Titre\n\n`code` [lien](http://x.y) **gras** e\u0301 l\u2019homme 350,000 2,5 Jean-Noël\n')
put('dateline', 'd1.txt', 'BRUXELLES (AFP) - Les ministres se sont réunis.\n')
put('dateline', 'd2.txt', 'Titre\n\nPARIS, 4 avril 2024 (Reuters) – Le texte.\n')
put('dateline', 'd3.txt', 'KYIV — Ukraine.\r\n\r\nNEW YORK, 1er mars (AFP) -\n')
put('check', 'utf16le.txt', b'\xff\xfe' + 'KYIV (AFP) - Le ministre Dmytro Kuleba a parlé.'.encode('utf-16-le'))
put('check', 'latin1.txt', 'PARIS - Le président a parlé à Kiev.'.encode('latin-1'))

def rows(name):
    return list(csv.reader(open(os.path.join(ROOT, 'src/kb/data', name), encoding='utf-8')))[1:]

for i, r in enumerate(rows('phrases.csv')[:49]):
    put('pattern', f'p{i:02}', r[3])
    if i < 10:
        put('pattern', f'pm{i:02}', r[3] + '\n' + r[6])  # pattern, then its bad example
for i, r in enumerate(rows('venues.csv')[:9]):
    put('pattern', f'v{i:02}', r[1])
for i, p in enumerate(['au bout de ?la journée', '!pas faire|fait|font du sens +de',
                       'explorer <poss> arme~', 'adresser * problème~', "d'une|de la part de"]):
    put('pattern', f'x{i}', p)

# kb: the first byte picks the file kind (byte % 5), the rest is the CSV.
for k, name in enumerate(['entities', 'places', 'countries', 'phrases', 'venues']):
    lines = open(os.path.join(ROOT, 'src/kb/data', name + '.csv'), 'rb').read().split(b'\n')[:50]
    put('kb', name, bytes([k]) + b'\n'.join(lines) + b'\n')

J = [
    '{"id":"a1","title":" Sommet à Vilnius ","date":"2023-07-11T08:00:00Z","text":"VILNIUS (AFP) - Les dirigeants de l\'OTAN…","src":"x"}\n',
    '{"text":"Sans titre.","id":42}\n\n{"text":"x","id":{"n":1},"title":null}\n{"text": 3}\n[1]\n{"text":"Le ministre Dmytro Kuleba a parlé."}\r\n',
    '{"id":"b","text":"KYIV — Le président Volodymyr Zelensky a déclaré lundi 4 avril 2024…","date":"2024-04-04","url":"https://e.x/a","outlet":"X"}\n',
]
for i, j in enumerate(J):
    put('jsonl', f'j{i}.jsonl', j)

put('feed', 'rss2.xml', '''<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Fil</title>
<item><guid>g1</guid><title>Sommet &amp; accord</title><link>https://e.x/1</link><pubDate>Tue, 11 Jul 2023 08:00:00 GMT</pubDate>
<description>&lt;p&gt;VILNIUS (AFP) - Les dirigeants &lt;b&gt;de l'OTAN&lt;/b&gt;.&lt;/p&gt;</description></item>
<item><title>Deux</title><content:encoded><![CDATA[<p>Le ministre Dmytro Kuleba a parlé.</p><script>x()</script>]]></content:encoded></item>
</channel></rss>
''')
put('feed', 'atom.xml', '''<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>
<entry><id>urn:1</id><title type="text">Titre</title><updated>2024-04-04T10:00:00Z</updated><link href="https://e.x/2"/>
<content type="html">&lt;p&gt;PARIS, 4 avril 2024 (Reuters) – Texte.&lt;/p&gt;</content></entry>
<entry><title>Vide</title><summary>Résumé seul</summary></entry>
</feed>
''')
put('feed', 'rdf.xml', '''<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [<!ENTITY eacute "&#233;">]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="x"><title>T</title></channel>
<item rdf:about="https://e.x/3"><title>Caf&eacute;</title><link>https://e.x/3</link><description>KYIV — Le texte.</description></item>
</rdf:RDF>
''')

put('html', 'page.html', '''<!DOCTYPE html><html><head><title> Sommet  à Vilnius </title><style>p{}</style></head>
<body><nav>Menu</nav><aside><article>Teaser</article></aside>
<article><h1>Titre</h1><p>VILNIUS (AFP) - Les dirigeants de l'<b>OTAN</b> se sont réunis.</p><p>Deuxième<br>ligne &amp; fin.</p><figure><figcaption>Légende</figcaption></figure></article>
<footer>Pied</footer><script>var x = "<p>";</script></body></html>
''')
put('html', 'main.html', '<html><body><main><div><p>Le ministre Dmytro Kuleba a parlé.</p><ul><li>un</li><li>deux</li></ul></div></main></body></html>')
put('html', 'frag.html', '<p>Texte <i>sans</i> body<table><tr><td>a<td>b</table><pre>  code  </pre>')
put('html', 'frameset.html', '<html><head><title>F</title></head><frameset><frame src="a.html"></frameset></html>')

for t in sorted(os.listdir(C)):
    print(t, len(os.listdir(os.path.join(C, t))))
