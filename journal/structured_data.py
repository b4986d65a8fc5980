def article_ld(*, article, url, image_url=""):
    """An article as schema.org/Article (`url`, `image_url` absolute)."""
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": article.title,
        "url": url,
        "datePublished": article.date.isoformat(),
    }
    if article.last_published_at:
        data["dateModified"] = article.last_published_at.isoformat()
    if article.intro:
        data["description"] = article.intro
    if article.author:
        data["author"] = {"@type": "Person", "name": article.author}
    if image_url:
        data["image"] = image_url
    return data
