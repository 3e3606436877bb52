#include "dnspanel.h"

#include "dnshistorymodel.h"
#include "dnsrecordsmodel.h"
#include "session.h"

#include "dns/clusterdns.h"
#include "dns/dnstools.h"
#include "dns/podresolver.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QStringListModel>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace ordinal::gui {

namespace {

constexpr int kEvaluateDelay = 120; // ms: coalesces typing and clock ticks
constexpr quint16 kDefaultServePort = 5353;

const quint16 kTypes[] = {core::DnsType::A,   core::DnsType::AAAA, core::DnsType::SRV,
                          core::DnsType::PTR, core::DnsType::TXT,  core::DnsType::SOA,
                          core::DnsType::NS,  core::DnsType::ANY};

// Pods (keys) whose IP is one of the addresses, in address order.
QStringList podsWithAddresses(const core::Store &store, const QStringList &addresses)
{
    QStringList keys;
    for (const QString &address : addresses) {
        for (const core::Pod &pod : store.all<core::Pod>()) {
            if (pod.status.podIP == address && !pod.isTerminal()) {
                const QString key = core::objectKey(pod.metadata);
                if (!keys.contains(key))
                    keys.append(key);
            }
        }
    }
    return keys;
}

QStringList addressesOf(const core::DnsResponse &response)
{
    QStringList result;
    for (const QList<core::DnsRecord> *section : {&response.answer, &response.additional}) {
        for (const core::DnsRecord &r : *section) {
            const QString text = r.addressText();
            if (!text.isEmpty() && !result.contains(text))
                result.append(text);
        }
    }
    return result;
}

// A failed walk ends on the least telling answer (often REFUSED for the bare name outside the
// zone); the first in-zone answer is the one whose why explains the miss.
core::DnsResponse tellingResponse(const core::PodResolver::Result &result)
{
    if (!result.found) {
        for (const core::PodResolver::Attempt &attempt : result.attempts) {
            if (attempt.response.rcode != core::DnsRcode::Refused)
                return attempt.response;
        }
    }
    return result.response;
}

} // namespace

struct DnsPanel::Context
{
    core::PodDnsContext dns;
    QString namespaceName;
    QString podName;
};

DnsPanel::DnsPanel(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_records(new DnsRecordsModel(this))
    , m_history(new DnsHistoryModel(this))
    , m_names(new QStringListModel(this))
    , m_completer(new QCompleter(m_names, this))
    , m_name(new QLineEdit(this))
    , m_type(new QComboBox(this))
    , m_from(new QComboBox(this))
    , m_nameLabel(new QLabel(this))
    , m_typeLabel(new QLabel(this))
    , m_fromLabel(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_why(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_recordsView(new QTableView(this))
    , m_nslookup(new QPlainTextEdit(this))
    , m_dig(new QPlainTextEdit(this))
    , m_historyBox(new QGroupBox(this))
    , m_historyView(new QTableView(this))
    , m_serverBox(new QGroupBox(this))
    , m_serverLabel(new QLabel(this))
    , m_digCommand(new QLineEdit(this))
    , m_copy(new QPushButton(this))
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("DnsPanel"));
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_name->setCompleter(m_completer);
    m_name->setClearButtonEnabled(true);
    m_name->setFont(fixed);
    m_name->setObjectName(QStringLiteral("dnsName"));
    for (quint16 type : kTypes)
        m_type->addItem(core::DnsType::toString(type), type);
    m_from->setObjectName(QStringLiteral("dnsFrom"));
    m_from->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_nameLabel->setBuddy(m_name);
    m_typeLabel->setBuddy(m_type);
    m_fromLabel->setBuddy(m_from);

    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_why->setWordWrap(true);
    m_why->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_why->setObjectName(QStringLiteral("dnsWhy"));

    m_recordsView->setObjectName(QStringLiteral("dnsRecords"));
    m_recordsView->setModel(m_records);
    m_recordsView->verticalHeader()->hide();
    // Every column as wide as its contents (the address is the point) but the name, which
    // takes the room left and is shortened in its middle.
    m_recordsView->horizontalHeader()->setStretchLastSection(false);
    m_recordsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_recordsView->horizontalHeader()->setSectionResizeMode(DnsRecordsModel::NameColumn,
                                                           QHeaderView::Stretch);
    m_recordsView->setTextElideMode(Qt::ElideMiddle);
    m_recordsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_recordsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (QPlainTextEdit *text : {m_nslookup, m_dig}) {
        text->setReadOnly(true);
        text->setFont(fixed);
        text->setLineWrapMode(QPlainTextEdit::NoWrap);
    }
    m_tabs->addTab(m_recordsView, QString());
    m_tabs->addTab(m_nslookup, QString());
    m_tabs->addTab(m_dig, QString());

    m_historyView->setModel(m_history);
    m_historyView->verticalHeader()->hide();
    m_historyView->horizontalHeader()->setStretchLastSection(true);
    m_historyView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_historyView->setObjectName(QStringLiteral("dnsHistory"));
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *historyLayout = new QVBoxLayout(m_historyBox);
    historyLayout->setContentsMargins(4, 4, 4, 4);
    historyLayout->addWidget(m_historyView);

    m_serverLabel->setWordWrap(true);
    m_serverLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_digCommand->setReadOnly(true);
    m_digCommand->setFont(fixed);
    m_copy->setIcon(QIcon::fromTheme(QStringLiteral("edit-copy")));
    auto *serverLayout = new QVBoxLayout(m_serverBox);
    serverLayout->setContentsMargins(4, 4, 4, 4);
    serverLayout->addWidget(m_serverLabel);
    auto *copyRow = new QHBoxLayout;
    copyRow->addWidget(m_digCommand, 1);
    copyRow->addWidget(m_copy);
    serverLayout->addLayout(copyRow);

    auto *form = new QFormLayout;
    auto *queryRow = new QHBoxLayout;
    queryRow->addWidget(m_name, 1);
    queryRow->addWidget(m_typeLabel);
    queryRow->addWidget(m_type);
    form->addRow(m_nameLabel, queryRow);
    form->addRow(m_fromLabel, m_from);

    auto *answer = new QWidget(this);
    auto *answerLayout = new QVBoxLayout(answer);
    answerLayout->setContentsMargins(0, 0, 0, 0);
    answerLayout->addWidget(m_summary);
    answerLayout->addWidget(m_why);
    answerLayout->addWidget(m_tabs, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(answer);
    splitter->addWidget(m_historyBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(form);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_serverBox);

    m_timer->setSingleShot(true);
    m_timer->setInterval(kEvaluateDelay);
    connect(m_timer, &QTimer::timeout, this, &DnsPanel::evaluate);
    connect(m_name, &QLineEdit::textChanged, this, &DnsPanel::scheduleEvaluate);
    connect(m_type, &QComboBox::currentIndexChanged, this, &DnsPanel::scheduleEvaluate);
    connect(m_from, &QComboBox::currentIndexChanged, this, &DnsPanel::scheduleEvaluate);
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_digCommand->text()); });
    connect(m_historyView, &QTableView::clicked, this, [this](const QModelIndex &index) {
        m_session->setViewTime(index.data(DnsHistoryModel::TimeRole).value<qint64>());
    });
    connect(session, &Session::viewChanged, this, &DnsPanel::viewChanged);
    connect(session, &Session::clusterReset, this, [this] {
        m_seenVersion = -1;
        m_seenEvents = -1;
        m_historyKey.clear();
        scheduleEvaluate();
    });
    connect(session, &Session::historyRewound, this, [this] {
        m_seenEvents = -1;
        m_historyKey.clear();
        scheduleEvaluate();
    });

    retranslateUi();
    refreshSources();
    evaluate();
}

bool DnsPanel::followCommand(const QString &line)
{
    QStringList tokens;
    if (!core::Console::tokenize(line, &tokens) || tokens.size() < 2)
        return false;
    const QString tool = tokens.takeFirst();
    if (tool != QLatin1String("nslookup") && tool != QLatin1String("dig"))
        return false;
    QString name;
    quint16 type = 1; // A, as nslookup asks
    for (const QString &token : std::as_const(tokens)) {
        if (token.startsWith(QLatin1Char('@')) || token.startsWith(QLatin1Char('+'))
            || token.startsWith(QLatin1Char('-')))
            continue;
        bool isType = false;
        for (int i = 0; i < m_type->count(); ++i) {
            if (m_type->itemText(i).compare(token, Qt::CaseInsensitive) == 0) {
                type = quint16(m_type->itemData(i).toUInt());
                isType = true;
            }
        }
        if (!isType && name.isEmpty())
            name = token;
    }
    if (name.isEmpty())
        return false;
    // The console's question becomes the panel's: its history shows the old and new answer.
    setQuery(name, type);
    evaluate();
    return true;
}

void DnsPanel::setQuery(const QString &name, quint16 type)
{
    m_name->setText(name);
    const int index = m_type->findData(type);
    if (index >= 0)
        m_type->setCurrentIndex(index);
}

QString DnsPanel::queryName() const
{
    return m_name->text().trimmed();
}

quint16 DnsPanel::queryType() const
{
    return quint16(m_type->currentData().toUInt());
}

void DnsPanel::setAskedFrom(const QString &namespaceName, const QString &podName)
{
    refreshSources();
    const QStringList wanted{namespaceName, podName};
    for (int i = 0; i < m_from->count(); ++i) {
        if (m_from->itemData(i).toStringList() == wanted) {
            m_from->setCurrentIndex(i);
            return;
        }
    }
}

void DnsPanel::setDnsServerAddress(const QString &host, quint16 port)
{
    m_serverHost = host;
    m_serverPort = port;
    updateServerBox();
}

void DnsPanel::viewChanged()
{
    // The clock ticks often; only a different store (or going live/back) changes answers.
    const qint64 version = m_session->viewStore().resourceVersion();
    const qsizetype events = m_session->simulation().watchEvents().size();
    if (version == m_seenVersion && m_session->isLive() == m_seenLive && events == m_seenEvents) {
        m_history->setViewTime(m_session->viewTime());
        return;
    }
    scheduleEvaluate();
}

void DnsPanel::scheduleEvaluate()
{
    if (!m_timer->isActive())
        m_timer->start();
}

DnsPanel::Context DnsPanel::currentContext() const
{
    Context c;
    const QStringList data = m_from->currentData().toStringList();
    c.namespaceName = data.value(0, QStringLiteral("default"));
    c.podName = data.value(1);
    c.dns = core::PodDnsContext::forNamespace(c.namespaceName);
    if (!c.podName.isEmpty()) {
        if (const core::Pod *pod = m_session->viewStore().find<core::Pod>(c.namespaceName,
                                                                         c.podName))
            c.dns = core::PodDnsContext::forPod(*pod);
    }
    return c;
}

void DnsPanel::evaluate()
{
    m_timer->stop();
    m_seenVersion = m_session->viewStore().resourceVersion();
    m_seenLive = m_session->isLive();
    refreshSources();
    evaluateAnswer();
    evaluateHistory();
    m_seenEvents = m_session->simulation().watchEvents().size();
    m_history->setViewTime(m_session->viewTime());
    updateServerBox();
    Q_EMIT answered();
}

QString DnsPanel::previousAnswer() const
{
    const QString now = m_addresses.join(QStringLiteral(", "));
    const QList<DnsHistoryModel::Entry> entries = m_history->entries();
    for (auto it = entries.crbegin(); it != entries.crend(); ++it) {
        if (it->time > m_session->viewTime() || it->negative || it->answer == now)
            continue;
        return it->answer;
    }
    return {};
}

void DnsPanel::refreshSources()
{
    const core::Store &store = m_session->viewStore();
    const QString zone = m_session->config().clusterDomain;

    // Names worth completing: services, their endpoints' hostnames, SRV names; short and FQDN.
    QStringList names;
    for (const core::Service &svc : store.all<core::Service>()) {
        const QString name = svc.metadata.name;
        const QString ns = svc.metadata.namespaceName;
        const QString fqdn = QStringLiteral("%1.%2.svc.%3").arg(name, ns, zone);
        names << name << QStringLiteral("%1.%2").arg(name, ns) << fqdn;
        for (const core::ServicePort &port : svc.spec.ports) {
            if (!port.name.isEmpty())
                names << QStringLiteral("_%1._%2.%3").arg(port.name, port.protocol.toLower(), fqdn);
        }
        if (const core::Endpoints *ep = store.find<core::Endpoints>(ns, name)) {
            for (const auto *list : {&ep->addresses, &ep->notReadyAddresses}) {
                for (const core::EndpointAddress &a : *list) {
                    if (a.hostname.isEmpty())
                        continue;
                    names << QStringLiteral("%1.%2").arg(a.hostname, name)
                          << QStringLiteral("%1.%2").arg(a.hostname, fqdn);
                }
            }
        }
    }
    // Pods of a StatefulSet are named through its governing service even before they are Ready.
    for (const core::StatefulSet &set : store.all<core::StatefulSet>()) {
        if (set.spec.serviceName.isEmpty())
            continue;
        for (int i = 0; i < set.spec.replicas; ++i) {
            const QString host = QStringLiteral("%1-%2").arg(set.metadata.name)
                                     .arg(set.spec.startOrdinal() + i);
            names << QStringLiteral("%1.%2").arg(host, set.spec.serviceName)
                  << QStringLiteral("%1.%2.%3.svc.%4")
                         .arg(host, set.spec.serviceName, set.metadata.namespaceName, zone);
        }
    }
    names << QStringLiteral("kubernetes.default.svc.%1").arg(zone);
    names.removeDuplicates();
    names.sort();
    if (names != m_names->stringList())
        m_names->setStringList(names);

    // Where to ask from: each namespace's anonymous busybox pod, then every running pod.
    QList<QStringList> sources;
    QStringList labels;
    QStringList namespaces{QStringLiteral("default")};
    for (const core::Namespace &ns : store.all<core::Namespace>())
        namespaces << ns.metadata.name;
    namespaces.removeDuplicates();
    for (const QString &ns : std::as_const(namespaces)) {
        sources << QStringList{ns, QString()};
        labels << tr("a busybox Pod in namespace %1").arg(ns);
    }
    for (const core::Pod &pod : store.all<core::Pod>()) {
        if (pod.isTerminal())
            continue;
        sources << QStringList{pod.metadata.namespaceName, pod.metadata.name};
        labels << tr("Pod %1 (namespace %2)").arg(pod.metadata.name, pod.metadata.namespaceName);
    }
    bool same = m_from->count() == sources.size();
    for (int i = 0; same && i < sources.size(); ++i)
        same = m_from->itemData(i).toStringList() == sources.at(i)
            && m_from->itemText(i) == labels.at(i);
    if (same)
        return;
    const QStringList current = m_from->currentData().toStringList();
    const QSignalBlocker blocker(m_from);
    m_from->clear();
    for (int i = 0; i < sources.size(); ++i)
        m_from->addItem(labels.at(i), sources.at(i));
    int index = 0;
    for (int i = 0; i < sources.size(); ++i) {
        if (sources.at(i) == current)
            index = i;
    }
    m_from->setCurrentIndex(index);
}

void DnsPanel::evaluateAnswer()
{
    const QString name = queryName();
    if (name.isEmpty()) {
        m_records->clear();
        m_nslookup->clear();
        m_dig->clear();
        m_addresses.clear();
        m_answeredName.clear();
        m_whyText.clear();
        m_summaryText = tr("Type a name, such as web-0.nginx, to ask the cluster DNS.");
        m_summary->setText(m_summaryText);
        m_why->clear();
        m_why->hide();
        m_session->setHighlightedPods({});
        return;
    }
    const std::shared_ptr<const core::ClusterDns> dns = m_session->dnsAtView();
    const Context context = currentContext();
    const quint16 type = queryType();
    const core::PodResolver::Result result =
        core::PodResolver::lookup(*dns, context.dns, name, type, core::PodResolver::Library::Bind);
    const core::DnsResponse response = tellingResponse(result);
    m_records->setRecords(response.answer, response.authority, response.additional);
    m_answeredName = result.found ? result.answeredName
        : result.attempts.isEmpty() ? name
                                    : result.attempts.constFirst().name;
    m_addresses = addressesOf(response);
    if (!result.found)
        m_addresses.clear();

    const QString typeName = core::DnsType::toString(type);
    const QString when = m_session->isLive()
        ? tr("now")
        : tr("at %1").arg(core::goDuration(m_session->viewTime()));
    if (result.found && !m_addresses.isEmpty()) {
        m_summaryText = tr("%1 %2 → %3 (%4)")
                            .arg(result.answeredName, typeName,
                                 m_addresses.join(QStringLiteral(", ")), when);
    } else if (result.found) {
        m_summaryText = tr("%1 %2: %n record(s) (%3)", nullptr, int(response.answer.size()))
                            .arg(result.answeredName, typeName, when);
    } else {
        m_summaryText = tr("%1 %2: %3 (%4)")
                            .arg(name, typeName, core::rcodeName(response.rcode), when);
    }
    m_summary->setText(m_summaryText);
    m_whyText = result.found ? QString() : (result.why.isEmpty() ? response.why : result.why);
    m_why->setText(m_whyText.isEmpty() ? QString() : tr("Why: %1").arg(m_whyText));
    m_why->setVisible(!m_whyText.isEmpty());

    // busybox nslookup asks for addresses; it prints the same whatever type is chosen.
    const core::ToolOutput ns = core::DnsTools::nslookup(*dns, context.dns, {name});
    m_nslookup->setPlainText(QStringLiteral("$ nslookup %1\n").arg(name) + ns.text);
    const QStringList digArgs{QStringLiteral("+search"), name, typeName};
    const core::ToolOutput dig =
        core::DnsTools::dig(*dns, context.dns, digArgs, m_session->viewTime());
    m_dig->setPlainText(QStringLiteral("$ dig %1\n").arg(digArgs.join(QLatin1Char(' ')))
                        + dig.text);

    m_session->setHighlightedPods(podsWithAddresses(m_session->viewStore(), m_addresses));
}

void DnsPanel::evaluateHistory()
{
    const QString name = queryName();
    const Context context = currentContext();
    const core::Simulation &sim = m_session->simulation();
    const auto &events = sim.watchEvents();
    // The zone changes only with Services and Endpoints: evaluate the question at each such
    // moment, and keep the moments where the answer differs from the one before.
    QList<core::Millis> times{0};
    for (const core::WatchEvent &event : events) {
        if ((event.kind == core::ObjectKind::Endpoints || event.kind == core::ObjectKind::Service)
            && event.time != times.constLast())
            times.append(event.time);
    }
    const QString key = QStringLiteral("%1|%2|%3|%4|%5")
                            .arg(name)
                            .arg(queryType())
                            .arg(context.namespaceName, context.podName)
                            .arg(times.size() * 100000 + events.size());
    if (key == m_historyKey)
        return;
    m_historyKey = key;
    if (name.isEmpty()) {
        m_history->setEntries({});
        return;
    }
    QList<DnsHistoryModel::Entry> entries;
    std::shared_ptr<const core::ClusterDns> previous;
    for (core::Millis t : std::as_const(times)) {
        if (t > sim.now())
            break;
        const core::Store store = sim.storeAt(t);
        previous = core::ClusterDns::build(store, m_session->config(), t, previous.get());
        core::PodDnsContext ctx = core::PodDnsContext::forNamespace(context.namespaceName);
        if (!context.podName.isEmpty()) {
            if (const core::Pod *pod = store.find<core::Pod>(context.namespaceName,
                                                             context.podName))
                ctx = core::PodDnsContext::forPod(*pod);
        }
        const core::PodResolver::Result result = core::PodResolver::lookup(
            *previous, ctx, name, queryType(), core::PodResolver::Library::Bind);
        DnsHistoryModel::Entry entry;
        entry.time = t;
        const QStringList addresses = result.found ? addressesOf(result.response) : QStringList();
        if (!addresses.isEmpty()) {
            entry.answer = addresses.join(QStringLiteral(", "));
        } else if (result.found) {
            QStringList data;
            for (const core::DnsRecord &r : result.response.answer)
                data << r.rdataText();
            entry.answer = data.join(QStringLiteral("; "));
        } else {
            entry.answer = core::rcodeName(tellingResponse(result).rcode);
            entry.negative = true;
        }
        QStringList pods;
        for (const QString &key : podsWithAddresses(store, addresses))
            pods << key.section(QLatin1Char('/'), -1);
        entry.pods = pods.join(QStringLiteral(", "));
        if (!entries.isEmpty() && entries.constLast().answer == entry.answer)
            continue;
        entries.append(entry);
    }
    m_history->setEntries(entries);
    // Tall enough for every answer up to a handful: the old address must not scroll away.
    constexpr int kRowsShown = 6;
    const int rows = std::clamp(int(entries.size()), 2, kRowsShown);
    m_historyView->setMinimumHeight(m_historyView->horizontalHeader()->sizeHint().height()
                                    + rows * m_historyView->verticalHeader()->defaultSectionSize()
                                    + 2 * m_historyView->frameWidth());
    if (!entries.isEmpty())
        m_historyView->scrollToBottom();
}

void DnsPanel::updateServerBox()
{
    const QString target = m_answeredName.isEmpty() ? QStringLiteral("web-0.nginx.default.svc.")
            + m_session->config().clusterDomain
                                                    : m_answeredName;
    const QString typeName = core::DnsType::toString(queryType());
    if (m_serverHost.isEmpty()) {
        m_serverLabel->setText(
            tr("The cluster DNS is not being served on this machine. To ask it with real tools, "
               "run: ordinal --headless --serve-dns %1")
                .arg(kDefaultServePort));
    } else {
        m_serverLabel->setText(tr("The cluster DNS is served at %1, port %2 (UDP and TCP).")
                                   .arg(m_serverHost)
                                   .arg(m_serverPort));
    }
    const QString host = m_serverHost.isEmpty() ? QStringLiteral("127.0.0.1") : m_serverHost;
    const quint16 port = m_serverHost.isEmpty() ? kDefaultServePort : m_serverPort;
    m_digCommand->setText(QStringLiteral("dig @%1 -p %2 %3 %4").arg(host).arg(port).arg(target,
                                                                                         typeName));
}

QString DnsPanel::summaryText() const
{
    return m_summaryText;
}

QString DnsPanel::nslookupText() const
{
    return m_nslookup->toPlainText();
}

QString DnsPanel::digText() const
{
    return m_dig->toPlainText();
}

QString DnsPanel::whyText() const
{
    return m_whyText;
}

QString DnsPanel::digCommand() const
{
    return m_digCommand->text();
}

QStringList DnsPanel::completionNames() const
{
    return m_names->stringList();
}

void DnsPanel::retranslateUi()
{
    m_nameLabel->setText(tr("&Name:"));
    m_typeLabel->setText(tr("&Type:"));
    m_fromLabel->setText(tr("Asked &from:"));
    m_name->setPlaceholderText(tr("web-0.nginx"));
    m_name->setToolTip(tr("A name as a Pod would look it up; short names go through the "
                          "Pod's DNS search list"));
    m_type->setToolTip(tr("The record type to ask for"));
    m_from->setToolTip(tr("The Pod whose resolver asks the question (its namespace decides "
                          "the search list)"));
    m_tabs->setTabText(0, tr("Records"));
    m_tabs->setTabText(1, QStringLiteral("nslookup"));
    m_tabs->setTabText(2, QStringLiteral("dig"));
    m_historyBox->setTitle(tr("Answers over time"));
    m_historyView->setToolTip(tr("Each row is a moment the answer changed; click to go there"));
    m_serverBox->setTitle(tr("Live DNS server"));
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copy the dig command to the clipboard"));
    m_records->retranslate();
    m_history->retranslate();
    // The combo's labels and the summary are translated texts too.
    refreshSources();
    evaluateAnswer();
    updateServerBox();
}

void DnsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace ordinal::gui
