// The subscribe form posts JSON with the API token (a plain form cannot send the Authorization header).
// Answers are shown as text, never as HTML.
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('subscribe');
  var result = document.getElementById('subscribe-result');
  if (!form || !result) { return; }
  function list(value) {
    return value.split(/[,，、]/).map(function (s) { return s.trim(); }).filter(function (s) { return s.length > 0; });
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var f = form.elements;
    var body = {
      name: f.name.value, query: f.query.value || null, topic: f.topic.value || null,
      provinces: list(f.provinces.value), levels: list(f.levels.value), buyerKinds: list(f.buyerKinds.value)
    };
    if (f.webhook.value) { body.webhook = f.webhook.value; }
    result.textContent = '…';
    fetch('/api/alerts', {
      method: 'POST',
      headers: {'Content-Type': 'application/json', 'Authorization': 'Bearer ' + f.token.value},
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().then(function (json) { return {ok: response.ok, json: json}; });
    }).then(function (r) {
      result.textContent = '';
      if (!r.ok) {
        result.className = 'error';
        result.textContent = '未保存 Not saved: ' + r.json.error;
        return;
      }
      result.className = '';
      result.appendChild(document.createTextNode('已订阅 Subscribed: '));
      var link = document.createElement('a');
      link.id = 'subscribed-feed';
      link.href = r.json.feed;
      link.textContent = r.json.name + ' (Atom)';
      result.appendChild(link);
      if (r.json.webhookSecret) {
        result.appendChild(document.createTextNode(' — webhook secret (shown once): ' + r.json.webhookSecret));
      }
    }).catch(function (e) {
      result.className = 'error';
      result.textContent = '未保存 Not saved: ' + e;
    });
  });
});
