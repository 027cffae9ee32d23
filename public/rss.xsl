<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shows the RSS feed (/rss.xml) as a Chinese page when someone opens it in a browser; feed readers ignore it.
  XSLT 1.0, which browsers run. Styled only by /rss.css: the page has no inline style or script, so the site's
  CSP (default-src 'self') allows it. Links are made relative to the site, so the page works under any host name.
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  exclude-result-prefixes="dc">
  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:variable name="site" select="/rss/channel/link"/>

  <xsl:template match="/">
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="/rss/channel/title"/>（RSS 订阅）</title>
        <link rel="stylesheet" href="/rss.css"/>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
      </head>
      <body>
        <header class="bar">
          <div class="wrap"><a class="site" href="/">销售部门户</a></div>
        </header>
        <main class="wrap">
          <p class="kicker">RSS 订阅</p>
          <h1><xsl:value-of select="/rss/channel/title"/></h1>
          <p class="lead"><xsl:value-of select="/rss/channel/description"/></p>
          <section class="how" aria-labelledby="how-heading">
            <h2 id="how-heading">怎样订阅</h2>
            <p>这是《内刊》的 RSS 订阅源。把本页的地址复制到 RSS 阅读器（例如 Outlook 的“RSS 源”）里，新文章发表后会自动出现在阅读器中，不必再打开门户查看。</p>
            <p>订阅地址：<code><xsl:value-of select="$site"/>rss.xml</code></p>
          </section>
          <section aria-labelledby="items-heading">
            <h2 id="items-heading">最新 <xsl:value-of select="count(/rss/channel/item)"/> 篇文章</h2>
            <ol class="items">
              <xsl:apply-templates select="/rss/channel/item"/>
            </ol>
          </section>
          <p><a href="/">返回门户首页</a></p>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="item">
    <li>
      <h3>
        <a>
          <xsl:attribute name="href">
            <xsl:choose>
              <xsl:when test="starts-with(link, $site)">
                <xsl:value-of select="concat('/', substring-after(link, $site))"/>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="link"/></xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:value-of select="title"/>
        </a>
      </h3>
      <p class="meta">
        <xsl:if test="dc:date">
          <time datetime="{dc:date}">
            <xsl:value-of select="concat(substring(dc:date, 1, 4), '年', number(substring(dc:date, 6, 2)), '月', number(substring(dc:date, 9, 2)), '日')"/>
          </time>
        </xsl:if>
        <xsl:for-each select="category">
          <xsl:text> · </xsl:text>
          <xsl:value-of select="."/>
        </xsl:for-each>
      </p>
      <p><xsl:value-of select="description"/></p>
    </li>
  </xsl:template>
</xsl:stylesheet>
