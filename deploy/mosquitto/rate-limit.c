/*
 * A publish budget per login for Mosquitto 2.0 (issue 19): each login may publish
 * bytes_per_second on average and burst_bytes at once; beyond that its messages are refused
 * (QoS 0 dropped, QoS 1 answered "not authorized") until its budget refills.
 *
 * Why in the broker: the job reads every device through one connection, and Paho 1.2.5 takes in
 * about 60 MB/s there, so one device sending that much delayed every other athlete by seconds
 * to a minute (docs/benchmarks.md, "Issue 19"). Mosquitto 2.0 has no rate setting of its own.
 * The shipped budget (mosquitto.conf) is a dozen times what a device sends (100 Hz as
 * full-precision JSON is about 20 KB/s), and a burst holds what such a device queues through a
 * three-minute broker outage; the job's connection takes in some 200 logins at full budget.
 *
 * A login that keeps sending far beyond its budget (64 MiB refused within 10 s; a publisher
 * that resends one refused message at a time stays under 10 MiB) is disconnected and refused
 * logins for 30 s: refusing each message still costs the broker the receiving.
 *
 * Built by build-rate-limit.sh; loaded by mosquitto.conf's `plugin` line, before the password
 * and ACL files, which still decide everything else: within its budget a message is passed on
 * to them (MOSQ_ERR_PLUGIN_DEFER), and so is every login not shut out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <mosquitto.h>
#include <mosquitto_broker.h>
#include <mosquitto_plugin.h>

#define TABLE_SIZE 4096
/* How often a login still over its budget is named in the broker's log. */
#define LOG_EVERY_S 10.0
/* Refused within one window this much, a login is shut out for SHUT_OUT_S. */
#define FLOOD_WINDOW_S 10.0
#define FLOOD_REFUSED_BYTES (64.0 * 1024 * 1024)
#define SHUT_OUT_S 30.0
#define MAX_KICKS 64

struct budget {
	char *login;
	double bytes;      /* what the login may still send now */
	double updated_s;  /* when bytes was last brought up to date */
	unsigned long refused;
	double logged_s;
	double refused_bytes;    /* refused since flood_window_s */
	double flood_window_s;
	double shut_out_until_s;
	bool anonymous;          /* keyed by client id: no login to refuse, only a client to disconnect */
	struct budget *next;
};

static mosquitto_plugin_id_t *plugin_id;
static struct budget *table[TABLE_SIZE];
/* Both set by mosquitto.conf's plugin_opt_ lines (required: the numbers live there only). */
static double bytes_per_second;
static double burst_bytes;
/* A login with no budget (plugin_opt_unbudgeted_login), or NULL: the job's feedback login, which
 * publishes for every athlete at once (a phase report a second per device, some 400 KB/s at
 * 2 000 devices) and whose password is the operator's, not a device's. */
static char *unbudgeted_login;
/* Disconnected on the next tick, not inside the check of the message being handled. */
static struct budget *to_kick[MAX_KICKS];
static int kicks;

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static unsigned long slot_of(const char *login)
{
	unsigned long h = 5381;
	for(const unsigned char *c = (const unsigned char *)login; *c; c++){
		h = h * 33 + *c;
	}
	return h % TABLE_SIZE;
}

/* The login's budget, made full on first use. Logins come from the password file, so the
 * table grows no further than the devices the operator added. NULL when out of memory. */
static struct budget *budget_of(const char *login, double now)
{
	unsigned long slot = slot_of(login);
	for(struct budget *b = table[slot]; b; b = b->next){
		if(!strcmp(b->login, login)) return b;
	}
	struct budget *b = calloc(1, sizeof(*b));
	if(!b) return NULL;
	b->login = strdup(login);
	if(!b->login){
		free(b);
		return NULL;
	}
	b->bytes = burst_bytes;
	b->updated_s = now;
	b->logged_s = now - LOG_EVERY_S;
	b->flood_window_s = now;
	b->next = table[slot];
	table[slot] = b;
	return b;
}

static int on_acl_check(int event, void *event_data, void *userdata)
{
	struct mosquitto_evt_acl_check *check = event_data;
	(void)event;
	(void)userdata;

	if(check->access != MOSQ_ACL_WRITE) return MOSQ_ERR_PLUGIN_DEFER;
	const char *login = mosquitto_client_username(check->client);
	bool anonymous = !login;
	if(anonymous) login = mosquitto_client_id(check->client);
	if(!login) return MOSQ_ERR_PLUGIN_DEFER;
	if(!anonymous && unbudgeted_login && !strcmp(login, unbudgeted_login)) return MOSQ_ERR_PLUGIN_DEFER;

	double now = now_s();
	struct budget *b = budget_of(login, now);
	if(!b) return MOSQ_ERR_PLUGIN_DEFER; /* no memory for bookkeeping: no limit rather than no service */
	b->anonymous = anonymous;
	b->bytes += (now - b->updated_s) * bytes_per_second;
	if(b->bytes > burst_bytes) b->bytes = burst_bytes;
	b->updated_s = now;

	double cost = (double)check->payloadlen + (double)strlen(check->topic);
	if(cost <= b->bytes){
		b->bytes -= cost;
		return MOSQ_ERR_PLUGIN_DEFER;
	}
	/* Refused messages cost nothing: a flood gets exactly the budget through. */
	b->refused++;
	if(now - b->flood_window_s >= FLOOD_WINDOW_S){
		b->flood_window_s = now;
		b->refused_bytes = 0;
	}
	b->refused_bytes += cost;
	if(b->refused_bytes >= FLOOD_REFUSED_BYTES && now >= b->shut_out_until_s && kicks < MAX_KICKS){
		b->shut_out_until_s = now + SHUT_OUT_S;
		to_kick[kicks++] = b;
		mosquitto_log_printf(MOSQ_LOG_WARNING,
				"tempostream rate limit: login '%s' had %.0f bytes refused within %.0f s; "
				"disconnected and shut out for %.0f s", login, b->refused_bytes, now - b->flood_window_s, SHUT_OUT_S);
	}
	if(now - b->logged_s >= LOG_EVERY_S){
		mosquitto_log_printf(MOSQ_LOG_WARNING,
				"tempostream rate limit: login '%s' publishes over %.0f bytes/s (burst %.0f); "
				"%lu of its messages refused in the last %.0f s",
				login, bytes_per_second, burst_bytes, b->refused, now - b->logged_s);
		b->refused = 0;
		b->logged_s = now;
	}
	return MOSQ_ERR_ACL_DENIED;
}

static int on_tick(int event, void *event_data, void *userdata)
{
	(void)event;
	(void)event_data;
	(void)userdata;
	for(int i = 0; i < kicks; i++){
		if(to_kick[i]->anonymous){
			mosquitto_kick_client_by_clientid(to_kick[i]->login, false);
		}else{
			mosquitto_kick_client_by_username(to_kick[i]->login, false);
		}
	}
	kicks = 0;
	return MOSQ_ERR_SUCCESS;
}

/* A login (or an anonymous client id) shut out is refused; any other is left to the password file. */
static int on_basic_auth(int event, void *event_data, void *userdata)
{
	struct mosquitto_evt_basic_auth *auth = event_data;
	(void)event;
	(void)userdata;
	bool anonymous = !auth->username;
	const char *login = anonymous ? mosquitto_client_id(auth->client) : auth->username;
	if(!login) return MOSQ_ERR_PLUGIN_DEFER;
	unsigned long slot = slot_of(login);
	for(struct budget *b = table[slot]; b; b = b->next){
		if(b->anonymous == anonymous && !strcmp(b->login, login)){
			return now_s() < b->shut_out_until_s ? MOSQ_ERR_AUTH : MOSQ_ERR_PLUGIN_DEFER;
		}
	}
	return MOSQ_ERR_PLUGIN_DEFER;
}

/* A positive number of bytes, or a log line naming the option and its value. */
static int parse_bytes(const char *key, const char *value, double *out)
{
	char *end;
	double v = strtod(value, &end);
	if(end == value || *end != '\0' || !(v >= 1 && v <= 1e12)){
		mosquitto_log_printf(MOSQ_LOG_ERR,
				"tempostream rate limit: plugin_opt_%s must be a number of bytes from 1 to 1e12, got '%s'",
				key, value);
		return MOSQ_ERR_INVAL;
	}
	*out = v;
	return MOSQ_ERR_SUCCESS;
}

int mosquitto_plugin_version(int supported_version_count, const int *supported_versions)
{
	for(int i = 0; i < supported_version_count; i++){
		if(supported_versions[i] == 5) return 5;
	}
	return -1;
}

int mosquitto_plugin_init(mosquitto_plugin_id_t *identifier, void **userdata, struct mosquitto_opt *options, int option_count)
{
	(void)userdata;
	for(int i = 0; i < option_count; i++){
		int rc;
		if(!strcmp(options[i].key, "bytes_per_second")){
			rc = parse_bytes(options[i].key, options[i].value, &bytes_per_second);
		}else if(!strcmp(options[i].key, "burst_bytes")){
			rc = parse_bytes(options[i].key, options[i].value, &burst_bytes);
		}else if(!strcmp(options[i].key, "unbudgeted_login")){
			free(unbudgeted_login);
			unbudgeted_login = strdup(options[i].value);
			rc = unbudgeted_login ? MOSQ_ERR_SUCCESS : MOSQ_ERR_NOMEM;
		}else{
			mosquitto_log_printf(MOSQ_LOG_ERR,
					"tempostream rate limit: unknown option plugin_opt_%s (known: bytes_per_second, burst_bytes,"
					" unbudgeted_login)", options[i].key);
			rc = MOSQ_ERR_INVAL;
		}
		if(rc != MOSQ_ERR_SUCCESS) return rc;
	}
	if(bytes_per_second <= 0 || burst_bytes <= 0){
		mosquitto_log_printf(MOSQ_LOG_ERR, "tempostream rate limit: plugin_opt_%s is required",
				bytes_per_second <= 0 ? "bytes_per_second" : "burst_bytes");
		return MOSQ_ERR_INVAL;
	}
	plugin_id = identifier;
	mosquitto_log_printf(MOSQ_LOG_INFO, "tempostream rate limit: %.0f bytes/s per login, bursts of %.0f bytes",
			bytes_per_second, burst_bytes);
	int rc = mosquitto_callback_register(plugin_id, MOSQ_EVT_ACL_CHECK, on_acl_check, NULL, NULL);
	if(rc == MOSQ_ERR_SUCCESS) rc = mosquitto_callback_register(plugin_id, MOSQ_EVT_BASIC_AUTH, on_basic_auth, NULL, NULL);
	if(rc == MOSQ_ERR_SUCCESS) rc = mosquitto_callback_register(plugin_id, MOSQ_EVT_TICK, on_tick, NULL, NULL);
	return rc;
}

int mosquitto_plugin_cleanup(void *userdata, struct mosquitto_opt *options, int option_count)
{
	(void)userdata;
	(void)options;
	(void)option_count;
	for(int i = 0; i < TABLE_SIZE; i++){
		struct budget *b = table[i];
		while(b){
			struct budget *next = b->next;
			free(b->login);
			free(b);
			b = next;
		}
		table[i] = NULL;
	}
	free(unbudgeted_login);
	unbudgeted_login = NULL;
	kicks = 0;
	mosquitto_callback_unregister(plugin_id, MOSQ_EVT_TICK, on_tick, NULL);
	mosquitto_callback_unregister(plugin_id, MOSQ_EVT_BASIC_AUTH, on_basic_auth, NULL);
	return mosquitto_callback_unregister(plugin_id, MOSQ_EVT_ACL_CHECK, on_acl_check, NULL);
}
