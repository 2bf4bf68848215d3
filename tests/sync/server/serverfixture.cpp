#include "serverfixture.h"

#include "sync/protocol/pushbatch.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>
#include <QtTest>

namespace Toonbank::Tests {

namespace {

QString sqlConnectionName(const QString &dir)
{
    return QStringLiteral("fixture-") + dir;
}

} // namespace

ServerFixture::ServerFixture() = default;

ServerFixture::~ServerFixture()
{
    kill();
    QSqlDatabase::removeDatabase(sqlConnectionName(m_dir.path()));
    if (!m_pgDatabase.isEmpty()) {
        const QString admin = QStringLiteral("fixture-admin-") + m_pgDatabase;
        {
            const QUrl url(qEnvironmentVariable("TOONBANK_TEST_PG_URL"));
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), admin);
            db.setHostName(url.host());
            db.setPort(url.port(5432));
            db.setUserName(url.userName());
            db.setPassword(url.password());
            db.setDatabaseName(url.path().mid(1));
            if (db.open())
                QSqlQuery(db).exec(QStringLiteral("DROP DATABASE IF EXISTS ") + m_pgDatabase);
        }
        QSqlDatabase::removeDatabase(admin);
    }
}

bool ServerFixture::wantsPostgres()
{
    return qEnvironmentVariable("TOONBANK_TEST_BACKEND") == QLatin1String("postgresql");
}

QString ServerFixture::binary(const QString &name)
{
    return qEnvironmentVariable("TOONBANK_TEST_BUILD_DIR") + QStringLiteral("/sync/server/") + name;
}

bool ServerFixture::admin(const QStringList &args, QString *output)
{
    QProcess process;
    QStringList all { QStringLiteral("--data-dir"), m_dir.path() };
    if (!m_databaseUrl.isEmpty())
        all << QStringLiteral("--database") << m_databaseUrl;
    process.start(binary(QStringLiteral("toonbank-admin")), all + args);
    process.waitForFinished(120000);
    const QString text
        = QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
    if (output)
        *output = text;
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning().noquote() << "toonbank-admin" << args.join(QLatin1Char(' '))
                             << "failed:" << text;
        return false;
    }
    return true;
}

bool ServerFixture::seed(int productCount)
{
    if (wantsPostgres()) {
        const QString base = qEnvironmentVariable("TOONBANK_TEST_PG_URL");
        if (base.isEmpty())
            return false;
        m_pgDatabase
            = QStringLiteral("toonbank_t_") + QUuid::createUuid().toString(QUuid::Id128).left(16);
        const QString admin = QStringLiteral("fixture-admin-") + m_pgDatabase;
        bool created = false;
        {
            const QUrl url(base);
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), admin);
            db.setHostName(url.host());
            db.setPort(url.port(5432));
            db.setUserName(url.userName());
            db.setPassword(url.password());
            db.setDatabaseName(url.path().mid(1));
            created = db.open()
                && QSqlQuery(db).exec(QStringLiteral("CREATE DATABASE ") + m_pgDatabase);
            if (!created)
                qWarning() << "cannot create test database:" << db.lastError().text();
        }
        QSqlDatabase::removeDatabase(admin);
        if (!created)
            return false;
        QUrl url(base);
        url.setPath(QLatin1Char('/') + m_pgDatabase);
        m_databaseUrl = url.toString();
    }
    if (!admin({ QStringLiteral("dev-cert"), QStringLiteral("--hosts"),
            QStringLiteral("127.0.0.1,localhost") })
        || !admin({ QStringLiteral("init-chain"), QStringLiteral("Test chain") })
        || !admin(
            { QStringLiteral("add-store"), QStringLiteral("AMS01"), QStringLiteral("Amsterdam"),
                QStringLiteral("--id"), QStringLiteral("1"), QStringLiteral("--lat"),
                QStringLiteral("52.37"), QStringLiteral("--lon"), QStringLiteral("4.89") })
        || !admin({ QStringLiteral("add-store"), QStringLiteral("UTR01"), QStringLiteral("Utrecht"),
            QStringLiteral("--id"), QStringLiteral("2"), QStringLiteral("--lat"),
            QStringLiteral("52.09"), QStringLiteral("--lon"), QStringLiteral("5.12") }))
        return false;
    QFile products(m_dir.filePath(QStringLiteral("products.csv")));
    QFile stock(m_dir.filePath(QStringLiteral("stock.csv")));
    QFile staff(m_dir.filePath(QStringLiteral("staff.csv")));
    if (!products.open(QIODevice::WriteOnly) || !stock.open(QIODevice::WriteOnly)
        || !staff.open(QIODevice::WriteOnly))
        return false;
    products.write("id,sku,name,brand,vatClass,priceCents,barcodes\n");
    stock.write("sku,locationCode,quantity\n");
    for (int i = 1; i <= productCount; ++i) {
        products.write(
            QStringLiteral("%1,SKU%1,Product %1,Brand,standard,1000,\n").arg(i).toUtf8());
        stock.write(QStringLiteral("SKU%1,AMS01,100\nSKU%1,UTR01,100\n").arg(i).toUtf8());
    }
    // Low PBKDF2 cost is not available through the CSV; two staff keep the hashing short.
    staff.write("id,code,displayName,role,homeLocationCode,pin\n7,E7,Ann,cashier,AMS01,1234\n8,E8,"
                "Bob,supervisor,UTR01,5678\n");
    products.close();
    stock.close();
    staff.close();
    return admin({ QStringLiteral("import"), QStringLiteral("products"), products.fileName() })
        && admin({ QStringLiteral("import"), QStringLiteral("stock"), stock.fileName() })
        && admin({ QStringLiteral("import"), QStringLiteral("staff"), staff.fileName() });
}

bool ServerFixture::start(const QStringList &extraArgs)
{
    stopMain();
    m_server = std::make_unique<QProcess>();
    m_server->setProcessChannelMode(QProcess::SeparateChannels);
    QStringList args { QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("--port"),
        QStringLiteral("0") };
    if (!m_databaseUrl.isEmpty())
        args << QStringLiteral("--database") << m_databaseUrl;
    m_server->start(binary(QStringLiteral("toonbank-server")), args + extraArgs);
    if (!m_server->waitForStarted(10000))
        return false;
    // The server prints its port once it listens: no fixed ports, no races for a free one.
    static const QRegularExpression listening(QStringLiteral("listening on https?://[^:]+:(\\d+)"));
    QByteArray seen;
    QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        if (!m_server->waitForReadyRead(200) && m_server->state() != QProcess::Running)
            break;
        seen += m_server->readAllStandardOutput();
        const auto match = listening.match(QString::fromUtf8(seen));
        if (match.hasMatch()) {
            m_port = quint16(match.captured(1).toUInt());
            return true;
        }
    }
    qWarning().noquote() << "server did not start:" << seen << m_server->readAllStandardError();
    return false;
}

bool ServerFixture::restartOnSamePort(const QStringList &extraArgs)
{
    const quint16 previous = m_port;
    if (previous == 0)
        return false;
    // The last --port wins (QCommandLineParser returns the last value given).
    return start(extraArgs + QStringList { QStringLiteral("--port"), QString::number(previous) })
        && m_port == previous;
}

quint16 ServerFixture::startExtraInstance(const QStringList &extraArgs)
{
    auto process = std::make_unique<QProcess>();
    QStringList args { QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("--port"),
        QStringLiteral("0") };
    if (!m_databaseUrl.isEmpty())
        args << QStringLiteral("--database") << m_databaseUrl;
    process->start(binary(QStringLiteral("toonbank-server")), args + extraArgs);
    static const QRegularExpression listening(QStringLiteral("listening on https?://[^:]+:(\\d+)"));
    QByteArray seen;
    QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired() && process->state() != QProcess::NotRunning) {
        process->waitForReadyRead(200);
        seen += process->readAllStandardOutput();
        if (const auto match = listening.match(QString::fromUtf8(seen)); match.hasMatch()) {
            const auto port = quint16(match.captured(1).toUInt());
            m_extra.push_back(std::move(process));
            m_extraPorts.append(port);
            return port;
        }
    }
    qWarning().noquote() << "extra instance did not start:" << seen
                         << process->readAllStandardError();
    return 0;
}

quint16 ServerFixture::startHaproxy()
{
    // The kernel picks a free port; the short window until haproxy binds it is the only race.
    quint16 front = 0;
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0))
            return 0;
        front = probe.serverPort();
    }
    QString servers;
    const QList<quint16> ports = QList<quint16> { m_port } + m_extraPorts;
    for (qsizetype i = 0; i < ports.size(); ++i)
        servers += QStringLiteral("    server s%1 127.0.0.1:%2\n").arg(i + 1).arg(ports.at(i));
    const QString config = QDir(m_dir.path()).filePath(QStringLiteral("haproxy.cfg"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        return 0;
    file.write(
        QStringLiteral("global\n    maxconn 1024\ndefaults\n    mode tcp\n    timeout connect 5s\n"
                       "    timeout client 120s\n    timeout server 120s\n"
                       "frontend toonbank\n    bind 127.0.0.1:%1\n    default_backend servers\n"
                       "backend servers\n    balance roundrobin\n%2")
            .arg(front)
            .arg(servers)
            .toUtf8());
    file.close();
    auto haproxy = std::make_unique<QProcess>();
    haproxy->setProcessChannelMode(QProcess::MergedChannels);
    haproxy->start(
        QStringLiteral("haproxy"), { QStringLiteral("-db"), QStringLiteral("-f"), config });
    if (!haproxy->waitForStarted(5000))
        return 0;
    // Ready once it accepts connections.
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired() && haproxy->state() == QProcess::Running) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, front);
        if (socket.waitForConnected(200)) {
            m_extra.push_back(std::move(haproxy));
            return front;
        }
        QThread::msleep(100);
    }
    qWarning().noquote() << "haproxy did not start:" << haproxy->readAll();
    return 0;
}

void ServerFixture::kill()
{
    for (auto &process : m_extra) {
        process->kill();
        process->waitForFinished(5000);
    }
    m_extra.clear();
    m_extraPorts.clear();
    stopMain();
}

void ServerFixture::stopMain()
{
    if (m_server && m_server->state() != QProcess::NotRunning) {
        m_server->kill(); // SIGKILL
        m_server->waitForFinished(5000);
    }
    m_server.reset();
}

QString ServerFixture::enrolmentCode(const QString &store)
{
    QString output;
    if (!admin({ QStringLiteral("enrol"), store }, &output))
        return {};
    static const QRegularExpression code(QStringLiteral("enrolment code: (\\S+)"));
    return code.match(output).captured(1);
}

QUrl ServerFixture::url(const QString &path) const
{
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    const qsizetype question = path.indexOf(QLatin1Char('?'));
    url.setPath(path.left(question));
    if (question >= 0)
        url.setQuery(path.mid(question + 1));
    return url;
}

QList<QSslCertificate> ServerFixture::caCertificates() const
{
    QFile file(QDir(m_dir.path()).filePath(QStringLiteral("tls/ca.crt")));
    file.open(QIODevice::ReadOnly);
    return QSslCertificate::fromData(file.readAll());
}

HttpAnswer ServerFixture::request(const QByteArray &method, const QString &path,
    const QByteArray &body, const QString &token, const QByteArray &contentType)
{
    QNetworkRequest request(url(path));
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(caCertificates());
    request.setSslConfiguration(ssl);
    if (!body.isNull())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    loop.exec();
    HttpAnswer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    answer.json = QJsonDocument::fromJson(answer.body).object();
    answer.headers = reply->rawHeaderPairs();
    if (answer.status == 0)
        qWarning() << "no answer:" << reply->errorString();
    reply->deleteLater();
    return answer;
}

qint64 ServerFixture::scalar(const QString &sql, const QVariantList &params)
{
    const QString name = sqlConnectionName(m_dir.path());
    QSqlDatabase db = QSqlDatabase::database(name, false);
    if (!db.isValid()) {
        if (m_databaseUrl.isEmpty()) {
            db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(QDir(m_dir.path()).filePath(QStringLiteral("toonbank.db")));
        } else {
            const QUrl url(m_databaseUrl);
            db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            db.setHostName(url.host());
            db.setPort(url.port(5432));
            db.setUserName(url.userName());
            db.setPassword(url.password());
            db.setDatabaseName(url.path().mid(1));
        }
    }
    if (!db.isOpen() && !db.open())
        return -1;
    QSqlQuery query(db);
    query.prepare(sql);
    for (const QVariant &value : params)
        query.addBindValue(value);
    if (!query.exec() || !query.next()) {
        qWarning() << "scalar failed:" << query.lastError().text();
        return -1;
    }
    return query.value(0).toLongLong();
}

QString ServerFixture::text(const QString &sql, const QVariantList &params)
{
    if (scalar(QStringLiteral("SELECT 1")) != 1)
        return {};
    QSqlQuery query(QSqlDatabase::database(sqlConnectionName(m_dir.path()), false));
    query.prepare(sql);
    for (const QVariant &value : params)
        query.addBindValue(value);
    if (!query.exec())
        return query.lastError().text();
    QStringList rows;
    while (query.next())
        rows.append(query.value(0).toString());
    return rows.join(QLatin1Char('\n'));
}

QNetworkRequest raceRequest(
    const ServerFixture &server, const QUrl &front, const RaceTablet &tablet, const QString &path)
{
    QUrl url = front;
    url.setPath(path);
    QNetworkRequest r(url);
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(server.caCertificates());
    r.setSslConfiguration(ssl);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    r.setRawHeader("Authorization", "Bearer " + tablet.token.toLatin1());
    r.setTransferTimeout(30000);
    return r;
}

int waitReply(QNetworkReply *reply, QByteArray *body)
{
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (body)
        *body = reply->readAll();
    reply->deleteLater();
    return status;
}

Core::Sale makeSale(const QString &store, qint64 productId, int quantity)
{
    using Core::Money;
    Core::Sale sale;
    sale.saleId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    sale.receiptNumber = store + QStringLiteral("-T1-") + sale.saleId.left(8);
    sale.storeCode = store;
    sale.soldAt = QDateTime::currentDateTimeUtc();
    Core::SaleLine line;
    line.lineId = QStringLiteral("L1");
    line.productId = productId;
    line.sku = QStringLiteral("SKU%1").arg(productId);
    line.name = QStringLiteral("Product %1").arg(productId);
    line.brand = QStringLiteral("Brand");
    line.quantity = quantity;
    line.unitPrice = Money::fromCents(1000);
    line.regularPrice = line.unitPrice;
    line.vatClass = Core::VatClass::Standard;
    line.vatRate = { 2100, QStringLiteral("standard") };
    sale.lines = { line };
    finishSale(sale);
    return sale;
}

Core::Tender cardTender(Core::Money amount)
{
    // Every card tender names its terminal transaction and nexo ServiceID (Core::checkTenders).
    Core::Tender card;
    card.method = Core::TenderMethod::Card;
    card.amount = amount;
    card.reference = QStringLiteral("ref");
    card.claimId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return card;
}

void finishSale(Core::Sale &sale)
{
    sale.vat = Core::vatBreakdown(sale.lines);
    sale.total = Core::Money();
    for (const Core::SaleLine &line : sale.lines)
        sale.total += line.lineTotal();
    sale.tenders = { cardTender(sale.total + sale.rounding) };
}

QJsonObject makePush(const QString &deviceId, qint64 staffId, const QList<Core::Sale> &sales,
    qint64 firstSeq, QStringList *eventIds)
{
    Sync::Protocol::PushRequest push;
    push.deviceId = deviceId;
    for (Core::Sale sale : sales) {
        if (sale.staffId == 0)
            sale.staffId = staffId;
        Sync::Protocol::EventEnvelope event;
        event.eventId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        event.deviceId = deviceId;
        event.deviceSeq = firstSeq++;
        event.type = QStringLiteral("sale");
        event.staffId = staffId;
        event.occurredAt = sale.soldAt;
        event.payload = Sync::Protocol::saleToJson(sale);
        push.events.append(event);
        if (eventIds)
            eventIds->append(event.eventId);
    }
    return push.toJson();
}

QString runSyncTool(const QString &cache, const QStringList &args, int *exitCode)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(qEnvironmentVariable("TOONBANK_TEST_BUILD_DIR")
            + QStringLiteral("/sync/client/synctool/toonbank-synctool"),
        QStringList { QStringLiteral("--cache"), cache } + args);
    process.waitForFinished(120000);
    *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return QString::fromUtf8(process.readAll());
}

} // namespace Toonbank::Tests
