/** What the status indicator shows: connected, trying to connect, or not trying (browser offline / stopped). */
export type ConnectionState = 'live' | 'reconnecting' | 'offline';
