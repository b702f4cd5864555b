import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../../../../test/app';

/** A small STA client over `inject` for the module's route tests. */
export function staClient(t: TestApp, token: string) {
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT', url: string, payload?: unknown) =>
    t.citydx.app.inject({
      method,
      url: `/sta/v1.1/${url}`,
      headers: method === 'GET' ? {} : { authorization: `Bearer ${token}` },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  return {
    get: (url: string) => send('GET', url),
    post: (url: string, body: unknown) => send('POST', url, body),
    patch: (url: string, body: unknown) => send('PATCH', url, body),
    delete: (url: string) => send('DELETE', url),
    put: (url: string, body: unknown) => send('PUT', url, body),
  };
}

export type StaClient = ReturnType<typeof staClient>;

export function body<T = Record<string, unknown>>(response: LightMyRequestResponse): T {
  return JSON.parse(response.body) as T;
}

export const MEASUREMENT = 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement';

/** A Thing posted in one deep insert: a Location and two Datastreams with inline Sensor/ObservedProperty. */
export function stationBody(name: string, coordinates: [number, number]) {
  return {
    name,
    description: `Trạm thử ${name}`,
    properties: { owner: 'Sở Tài nguyên và Môi trường', floors: 3 },
    Locations: [
      {
        name: `Vị trí ${name}`,
        description: 'Đà Nẵng',
        encodingType: 'application/geo+json',
        location: { type: 'Point', coordinates },
      },
    ],
    Datastreams: [
      {
        name: `PM2.5 ${name}`,
        description: 'Bụi mịn',
        observationType: MEASUREMENT,
        unitOfMeasurement: { name: 'microgram per cubic metre', symbol: 'µg/m³', definition: 'ucum:ug/m3' },
        Sensor: {
          name: 'Máy đo bụi',
          description: 'Cảm biến quang',
          encodingType: 'text/html',
          metadata: 'https://example.org/pm',
        },
        ObservedProperty: {
          name: 'pm25',
          definition: 'https://smartdatamodels.org/dataModel.Environment/pm25',
          description: 'PM2.5',
        },
      },
      {
        name: `Nhiệt độ ${name}`,
        description: 'Nhiệt độ không khí',
        observationType: MEASUREMENT,
        unitOfMeasurement: { name: 'degree Celsius', symbol: '°C', definition: 'ucum:Cel' },
        Sensor: {
          name: 'Nhiệt kế',
          description: 'Nhiệt kế điện tử',
          encodingType: 'text/html',
          metadata: 'https://example.org/t',
        },
        ObservedProperty: {
          name: 'temperature',
          definition: 'https://smartdatamodels.org/temperature',
          description: 'Nhiệt độ',
        },
      },
    ],
  };
}
